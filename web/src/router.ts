import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './features/accounts/session';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/console' },
    { path: '/login', component: () => import('./features/accounts/views/LoginView.vue') },
    {
      path: '/console',
      component: () => import('./shared/layout/ConsoleLayout.vue'),
      meta: { auth: true },
      children: [
        { path: '', component: () => import('./features/organisation/views/HomeView.vue') },
        { path: 'cases', component: () => import('./features/cases/views/CaseList.vue') },
        { path: 'cases/new', component: () => import('./features/cases/views/CaseNew.vue') },
        { path: 'cases/:id(\\d+)', component: () => import('./features/cases/views/CaseDetail.vue'), props: true },
        { path: 'triage', component: () => import('./features/cases/views/TriageView.vue') },
        // Contact work: 八必访 occasions, reception rotas, grassroots units, leaders' contact points, studio activities.
        { path: 'visit-triggers', component: () => import('./features/contact/views/VisitTriggers.vue') },
        { path: 'reception', component: () => import('./features/contact/views/ReceptionRota.vue') },
        { path: 'grassroots-units', component: () => import('./features/contact/views/GrassrootsUnits.vue') },
        { path: 'leader-links', component: () => import('./features/contact/views/LeaderLinks.vue') },
        { path: 'studio-activities', component: () => import('./features/contact/views/StudioActivities.vue') },
        // Duty records: the points scheme, the yearly assessment, awards, a member's record.
        { path: 'points-rules', component: () => import('./features/records/views/PointsRules.vue') },
        { path: 'assessments', component: () => import('./features/records/views/Assessments.vue') },
        { path: 'awards', component: () => import('./features/records/views/Awards.vue') },
        { path: 'members/:id(\\d+)/record', component: () => import('./features/records/views/MemberRecord.vue'), props: true },
        // Meetings and attendance: the conference's meetings, their rolls.
        { path: 'meetings', component: () => import('./features/meetings/views/MeetingList.vue') },
        // Formal outputs: micro-suggestions, proposals, opinion reports — one list and one page for all three kinds.
        { path: ':kindPath(micro-suggestions|proposals|opinion-reports)', component: () => import('./features/outputs/views/OutputList.vue'), props: true },
        { path: ':kindPath(micro-suggestions|proposals|opinion-reports)/:id(\\d+)', component: () => import('./features/outputs/views/OutputDetail.vue'), props: true },
        { path: ':resource', component: () => import('./features/organisation/views/ResourceView.vue'), props: true },
      ],
    },
    { path: '/studios', component: () => import('./features/organisation/views/StudioList.vue') },
    { path: '/s/:id', component: () => import('./features/organisation/views/StudioPage.vue'), props: true },
    { path: '/m/:id', component: () => import('./features/organisation/views/MemberPage.vue'), props: true },
    // 扫码说事: a citizen reports a matter, keeps the tracking code, follows and rates it.
    { path: '/report', component: () => import('./features/cases/views/CaseSubmit.vue') },
    { path: '/report/done/:code', component: () => import('./features/cases/views/CaseReceipt.vue'), props: true },
    { path: '/t/:code', component: () => import('./features/cases/views/CaseFollow.vue'), props: true },
    // The member's own cases, on a phone.
    { path: '/my/cases', component: () => import('./features/cases/views/MyCases.vue'), meta: { auth: true } },
    { path: '/my/cases/:id(\\d+)', component: () => import('./features/cases/views/MyCaseDetail.vue'), props: true, meta: { auth: true } },
    // The member's micro-suggestions, proposals and opinion reports, on a phone (notices link to the detail paths).
    { path: '/my/outputs', component: () => import('./features/outputs/views/MyOutputs.vue'), meta: { auth: true } },
    { path: '/my/outputs/new', component: () => import('./features/outputs/views/OutputWrite.vue'), meta: { auth: true } },
    { path: '/my/:kindPath(micro-suggestions|proposals|opinion-reports)/:id(\\d+)', component: () => import('./features/outputs/views/MyOutputDetail.vue'), props: true, meta: { auth: true } },
    // The member's contact work, on a phone: key contacts, the 30-second log, visit tasks, the duty record.
    { path: '/my/contacts', component: () => import('./features/contact/views/MyContacts.vue'), meta: { auth: true } },
    { path: '/my/log', component: () => import('./features/contact/views/LogContact.vue'), meta: { auth: true } },
    { path: '/my/visits', component: () => import('./features/contact/views/MyVisits.vue'), meta: { auth: true } },
    { path: '/my/record', component: () => import('./features/records/views/MyRecord.vue'), meta: { auth: true } },
    // The member's meetings, on a phone: sign in on the day, ask for leave before.
    { path: '/my/meetings', component: () => import('./features/meetings/views/MyMeetings.vue'), meta: { auth: true } },
  ],
});

router.beforeEach(async (to) => {
  if (!to.meta.auth) return true;
  const session = useSession();
  await session.restore();
  return session.user ? true : { path: '/login', query: { next: to.fullPath } };
});

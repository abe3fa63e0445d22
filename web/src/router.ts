import { createRouter, createWebHistory } from 'vue-router';
import { useSession } from './stores/session';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/console' },
    { path: '/login', component: () => import('./views/LoginView.vue') },
    {
      path: '/console',
      component: () => import('./views/console/ConsoleLayout.vue'),
      meta: { auth: true },
      children: [
        { path: '', component: () => import('./views/console/HomeView.vue') },
        { path: 'cases', component: () => import('./views/cases/CaseList.vue') },
        { path: 'cases/new', component: () => import('./views/cases/CaseNew.vue') },
        { path: 'cases/:id(\\d+)', component: () => import('./views/cases/CaseDetail.vue'), props: true },
        { path: 'triage', component: () => import('./views/cases/TriageView.vue') },
        // Contact work: 八必访 occasions, reception rotas, grassroots units, leaders' contact points, studio activities.
        { path: 'visit-triggers', component: () => import('./views/contact/VisitTriggers.vue') },
        { path: 'reception', component: () => import('./views/contact/ReceptionRota.vue') },
        { path: 'grassroots-units', component: () => import('./views/contact/GrassrootsUnits.vue') },
        { path: 'leader-links', component: () => import('./views/contact/LeaderLinks.vue') },
        { path: 'studio-activities', component: () => import('./views/contact/StudioActivities.vue') },
        // Duty records: the points scheme, the yearly assessment, awards, a member's record.
        { path: 'points-rules', component: () => import('./views/records/PointsRules.vue') },
        { path: 'assessments', component: () => import('./views/records/Assessments.vue') },
        { path: 'awards', component: () => import('./views/records/Awards.vue') },
        { path: 'members/:id(\\d+)/record', component: () => import('./views/records/MemberRecord.vue'), props: true },
        // Meetings and attendance: the conference's meetings, their rolls.
        { path: 'meetings', component: () => import('./views/meetings/MeetingList.vue') },
        // Formal outputs: micro-suggestions, proposals, opinion reports — one list and one page for all three kinds.
        { path: ':kindPath(micro-suggestions|proposals|opinion-reports)', component: () => import('./views/outputs/OutputList.vue'), props: true },
        { path: ':kindPath(micro-suggestions|proposals|opinion-reports)/:id(\\d+)', component: () => import('./views/outputs/OutputDetail.vue'), props: true },
        { path: ':resource', component: () => import('./views/console/ResourceView.vue'), props: true },
      ],
    },
    { path: '/studios', component: () => import('./views/public/StudioList.vue') },
    { path: '/s/:id', component: () => import('./views/public/StudioPage.vue'), props: true },
    { path: '/m/:id', component: () => import('./views/public/MemberPage.vue'), props: true },
    // 扫码说事: a citizen reports a matter, keeps the tracking code, follows and rates it.
    { path: '/report', component: () => import('./views/public/CaseSubmit.vue') },
    { path: '/report/done/:code', component: () => import('./views/public/CaseReceipt.vue'), props: true },
    { path: '/t/:code', component: () => import('./views/public/CaseFollow.vue'), props: true },
    // The member's own cases, on a phone.
    { path: '/my/cases', component: () => import('./views/member/MyCases.vue'), meta: { auth: true } },
    { path: '/my/cases/:id(\\d+)', component: () => import('./views/member/MyCaseDetail.vue'), props: true, meta: { auth: true } },
    // The member's micro-suggestions, proposals and opinion reports, on a phone (notices link to the detail paths).
    { path: '/my/outputs', component: () => import('./views/member/MyOutputs.vue'), meta: { auth: true } },
    { path: '/my/outputs/new', component: () => import('./views/member/OutputWrite.vue'), meta: { auth: true } },
    { path: '/my/:kindPath(micro-suggestions|proposals|opinion-reports)/:id(\\d+)', component: () => import('./views/member/MyOutputDetail.vue'), props: true, meta: { auth: true } },
    // The member's contact work, on a phone: key contacts, the 30-second log, visit tasks, the duty record.
    { path: '/my/contacts', component: () => import('./views/member/MyContacts.vue'), meta: { auth: true } },
    { path: '/my/log', component: () => import('./views/member/LogContact.vue'), meta: { auth: true } },
    { path: '/my/visits', component: () => import('./views/member/MyVisits.vue'), meta: { auth: true } },
    { path: '/my/record', component: () => import('./views/member/MyRecord.vue'), meta: { auth: true } },
    // The member's meetings, on a phone: sign in on the day, ask for leave before.
    { path: '/my/meetings', component: () => import('./views/member/MyMeetings.vue'), meta: { auth: true } },
  ],
});

router.beforeEach(async (to) => {
  if (!to.meta.auth) return true;
  const session = useSession();
  await session.restore();
  return session.user ? true : { path: '/login', query: { next: to.fullPath } };
});

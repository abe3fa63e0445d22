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
  ],
});

router.beforeEach(async (to) => {
  if (!to.meta.auth) return true;
  const session = useSession();
  await session.restore();
  return session.user ? true : { path: '/login', query: { next: to.fullPath } };
});

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
        { path: ':resource', component: () => import('./views/console/ResourceView.vue'), props: true },
      ],
    },
    { path: '/studios', component: () => import('./views/public/StudioList.vue') },
    { path: '/s/:id', component: () => import('./views/public/StudioPage.vue'), props: true },
    { path: '/m/:id', component: () => import('./views/public/MemberPage.vue'), props: true },
  ],
});

router.beforeEach(async (to) => {
  if (!to.meta.auth) return true;
  const session = useSession();
  await session.restore();
  return session.user ? true : { path: '/login', query: { next: to.fullPath } };
});

import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { setLanguage, setUnauthorizedHandler } from './shared/api/client';

setLanguage(i18n.global.locale.value);
setUnauthorizedHandler(() => {
  if (router.currentRoute.value.meta.auth) router.push({ path: '/login', query: { next: router.currentRoute.value.fullPath } });
});

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');

export default {
  app: { name: 'Tongxin', subtitle: 'Members and the people of their sectors', language: '中文' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', archive: 'Archive', save: 'Save', cancel: 'Cancel',
    actions: 'Actions', loadMore: 'Load more', noMore: 'No more', confirmArchive: 'Archive “{name}”? It will no longer be shown.',
    saved: 'Saved', archived: 'Archived', required: '{field} is required', yes: 'Yes', no: 'No', loading: 'Loading…', empty: 'No data',
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed',
    hint: 'Demo accounts: staff, lead, member, admin …; the password is printed by make run',
  },
  nav: {
    home: 'Dashboard', conferences: 'Conferences', sectors: 'Sectors', committees: 'Committees', groups: 'Member groups',
    members: 'Members', studios: 'Studios & stations', users: 'Accounts', audit: 'Audit log', logout: 'Sign out', publicSite: 'Public pages',
  },
  home: { welcome: 'Welcome, {name}', studios: 'Studios', members: 'Members', chartTitle: 'Studios by mode', byMode: 'By mode' },
  field: {
    name: 'Name', personName: 'Name', level: 'Level', divisionCode: 'Division', kind: 'Kind', mode: 'Mode', address: 'Address',
    status: 'Status', phone: 'Phone', description: 'Description', openingRules: 'Opening rules', lat: 'Latitude', lng: 'Longitude',
    firstConvenor: 'First convenor (member ID)', secondConvenor: 'Second convenor (member ID)', checklist: 'Five standards',
    gender: 'Gender', ethnicity: 'Ethnicity', birthYear: 'Birth year', sector: 'Sector', committee: 'Committee', group: 'Member group',
    workUnit: 'Work unit', title: 'Title', party: 'Party', posts: 'Posts', expertise: 'Expertise', bio: 'Profile',
    shortName: 'Short name', sortOrder: 'Order', username: 'Username', roles: 'Roles', displayName: 'Display name', time: 'Time', action: 'Action',
  },
  enums: {
    kind: { studio: 'Studio', station: 'Station' },
    mode: { sector: 'Sector', street: 'Street / township', party: 'Party', industry: 'Industry chain', task: 'Key task' },
    status: { active: 'Active', under_review: 'Under review', rectifying: 'Rectifying', archived: 'Closed' },
    level: { national: 'National', provincial: 'Provincial', city: 'City', county: 'County' },
    gender: { male: 'Male', female: 'Female' },
    checklist: { site: 'Site', standard: 'Standard', guarantee: 'Support', rules: 'Rules', feature: 'Feature' },
  },
  public: {
    studios: 'Members’ studios', searchStudios: 'Search by name or pinyin', nearMe: 'Studios near me', verified: 'Verified',
    members: 'Members of this studio', receptionDays: 'Reception days', noReceptionDays: 'No reception day scheduled yet; call to book',
    convenors: 'Convenors', address: 'Address', phone: 'Phone', openingRules: 'Opening hours', memberOf: 'Studios',
    expertise: 'Expertise', notFound: 'This page does not exist or was closed', map: 'Open in a map', distance: '{d} away',
    studioOf: '{name}', sector: 'Sector',
  },
};

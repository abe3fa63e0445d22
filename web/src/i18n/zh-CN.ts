export default {
  app: { name: '同心', subtitle: '委员联系界别群众平台', language: 'English' },
  common: {
    search: '搜索', reset: '重置', create: '新建', edit: '编辑', archive: '归档', save: '保存', cancel: '取消',
    actions: '操作', loadMore: '加载更多', noMore: '没有更多了', confirmArchive: '确定归档“{name}”吗？归档后不再显示。',
    saved: '已保存', archived: '已归档', required: '请填写{field}', yes: '是', no: '否', loading: '加载中…', empty: '暂无数据',
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败',
    hint: '演示账户：staff、lead、member、admin 等，密码见 make run 的输出',
  },
  nav: {
    home: '工作台', conferences: '政协组织', sectors: '界别', committees: '专门委员会', groups: '委员活动小组',
    members: '委员', studios: '委员工作室（站）', users: '账户管理', audit: '审计日志', logout: '退出登录', publicSite: '公众页面',
  },
  home: { welcome: '欢迎，{name}', studios: '工作室（站）', members: '委员', chartTitle: '各模式工作室数量', byMode: '按模式统计' },
  field: {
    name: '名称', personName: '姓名', level: '级别', divisionCode: '行政区划', kind: '类型', mode: '模式', address: '地址',
    status: '状态', phone: '联系电话', description: '简介', openingRules: '开放规则', lat: '纬度', lng: '经度',
    firstConvenor: '第一召集人（委员编号）', secondConvenor: '第二召集人（委员编号）', checklist: '“五有”标准',
    gender: '性别', ethnicity: '民族', birthYear: '出生年份', sector: '界别', committee: '专委会', group: '活动小组',
    workUnit: '工作单位', title: '职务职称', party: '政治面貌', posts: '政协职务', expertise: '专长', bio: '个人简介',
    shortName: '简称', sortOrder: '排序', username: '用户名', roles: '角色', displayName: '显示名称', time: '时间', action: '操作',
  },
  enums: {
    kind: { studio: '委员工作室', station: '委员工作站' },
    mode: { sector: '界别型', street: '街道（乡镇）型', party: '党派型', industry: '行业（产业链）型', task: '专项任务型' },
    status: { active: '运行中', under_review: '评估中', rectifying: '整改中', archived: '已撤销' },
    level: { national: '全国', provincial: '省级', city: '市级', county: '县级' },
    gender: { male: '男', female: '女' },
    checklist: { site: '有场所', standard: '有标准', guarantee: '有保障', rules: '有制度', feature: '有特色' },
  },
  public: {
    studios: '委员工作室', searchStudios: '搜索工作室名称或拼音', nearMe: '附近的工作室', verified: '官方认证',
    members: '工作室委员', receptionDays: '委员接待日', noReceptionDays: '近期暂无排定的接待日，可致电预约',
    convenors: '召集人', address: '地址', phone: '电话', openingRules: '开放时间', memberOf: '所在工作室',
    expertise: '专长领域', notFound: '页面不存在或已撤销', map: '在地图中查看', distance: '距离 {d}',
    studioOf: '{name}', sector: '界别',
  },
};

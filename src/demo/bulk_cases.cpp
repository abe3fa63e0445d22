// src/demo/bulk_cases.cpp
#include "demo/bulk_cases.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "cases/bulk_load.hpp"
#include "core/divisions/divisions.hpp"
#include "core/error.hpp"
#include "core/text/analyzer.hpp"
#include "core/text/utf8.hpp"
#include "demo/random.hpp"
#include "organisation/directory.hpp"

namespace tongxin::demo {

namespace {

constexpr std::int64_t kMinuteMs = 60LL * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr std::int64_t kSpanMs = 730 * kDayMs;  // two years of cases

// One kind of matter a constituent brings. {p} place, {t} how long, {d} one of the details.
struct Problem {
  const char* title;
  const char* text;
  std::array<const char*, 3> details;
  const char* agency;  // who the member took it to
};

const Problem kProblems[] = {
    {"{p}路灯不亮",
     "{p}的路灯已经{t}不亮了，{d}，晚上出行很不安全。",
     {"路面坑洼看不清", "老人晚上散步摔倒过好几次", "附近还有一所小学"},
     "市城市管理委员会"},
    {"{p}下水道堵塞返臭",
     "{p}的下水道{t}一直堵着，{d}，污水都漫到了路面上。",
     {"夏天臭味熏得窗户都不敢开", "物业说不归他们管", "一下雨就积水"},
     "市排水公司"},
    {"{p}老旧小区加装电梯",
     "{p}是上世纪八十年代的老楼，没有电梯，{d}，希望能纳入加装电梯计划。",
     {"楼里住的大多是七八十岁的老人", "有的老人几个月都下不了一次楼", "居民意见已经基本统一"},
     "区住房和城乡建设局"},
    {"{p}小区停车难",
     "{p}停车位严重不足，{d}，邻里之间经常因为停车吵架。",
     {"晚上车都停到了消防通道上", "外来车辆随意占用车位", "停车收费标准也不公开"},
     "交警大队和物业公司"},
    {"{p}夜间施工噪音扰民",
     "{p}附近的工地{t}晚上十一点以后还在施工，{d}。",
     {"孩子马上要中考休息不好", "打了12345热线也没人管", "渣土车来回轰隆隆响"},
     "市生态环境局"},
    {"{p}暖气不热",
     "{p}今年冬天暖气一直不热，室温只有十几度，{d}。",
     {"家里老人孩子都感冒了", "供热公司来看过说没问题", "暖气费一分没少交"},
     "市供热管理办公室"},
    {"{p}道路坑洼破损",
     "{p}的路面坑坑洼洼{t}了，{d}，下雨天到处是积水。",
     {"电动车骑过去摔倒过好几次", "公交车经过时溅人一身泥", "修了没多久又坏了"},
     "区交通运输局"},
    {"{p}垃圾清运不及时",
     "{p}的垃圾桶经常满了也没人清运，{d}。",
     {"夏天蚊蝇特别多", "垃圾都堆到了楼道口", "分类垃圾桶形同虚设"},
     "区环境卫生管理站"},
    {"{p}物业服务差",
     "{p}的物业公司收费不少但服务很差，{d}，业主意见很大。",
     {"楼道卫生长期没人打扫", "门禁坏了很久也没人修", "公共收益从来不公示"},
     "区住房和城乡建设局物业科"},
    {"{p}学校门口上下学拥堵",
     "{p}附近学校上下学时段交通非常拥堵，{d}。",
     {"家长车辆乱停乱放", "孩子过马路很危险", "缺少交警和护学岗"},
     "市公安局交警支队"},
    {"{p}希望开设老年食堂",
     "{p}一带老年人很多，{d}，希望社区能开设老年食堂或助餐点。",
     {"很多是独居老人做饭困难", "子女都在外地工作", "附近没有合适的饭馆"},
     "区民政局"},
    {"{p}菜市场拆除后买菜难",
     "{p}原来的菜市场拆了以后，{d}，买菜很不方便。",
     {"最近的超市要走二十分钟", "流动摊贩占道经营", "菜价也涨了不少"},
     "区商务局"},
    {"{p}公交站点取消",
     "{p}的公交站取消{t}了，{d}，希望恢复线路或增设站点。",
     {"老人去医院要倒两趟车", "上班族早高峰挤不上车", "最近的站点要走一公里"},
     "市交通运输局和公交集团"},
    {"{p}经常停水水压低",
     "{p}{t}经常停水，水压也很低，{d}。",
     {"高层住户根本用不上水", "停水前也不提前通知", "水里还有黄锈"},
     "供水企业"},
    {"{p}燃气管道老化",
     "{p}的燃气管道是几十年前铺的，{d}，存在安全隐患。",
     {"楼道里能闻到燃气味", "管道锈蚀得很厉害", "希望纳入老旧管网改造"},
     "燃气公司"},
    {"{p}私搭乱建",
     "{p}有住户私自在楼顶和院子里搭建彩钢房，{d}。",
     {"挡住了邻居家的采光", "占用了消防通道", "举报了也没人处理"},
     "区综合行政执法局"},
    {"{p}餐馆油烟扰民",
     "{p}楼下的餐馆油烟直排，{d}，窗户都不敢开。",
     {"晚上烧烤营业到凌晨", "油烟管道就在卧室窗外", "污水直接倒进雨水井"},
     "市生态环境局"},
    {"{p}广场舞噪音扰民",
     "{p}广场每天晚上跳广场舞音响开得特别大，{d}。",
     {"一直持续到晚上十点", "高三学生没法学习", "沟通过多次没有效果"},
     "派出所和社区居委会"},
    {"{p}流浪狗伤人",
     "{p}一带流浪狗越来越多，{d}，希望有关部门处理。",
     {"已经有孩子被咬伤", "晚上成群结队地叫", "养犬人遛狗也不拴绳"},
     "公安分局和区城管局"},
    {"{p}绿地被占用",
     "{p}的小区绿地被人占了种菜，{d}。",
     {"还有人在里面堆放杂物", "树木长期没人修剪遮挡阳光", "枯死的树一直没有补种"},
     "区园林绿化部门"},
    {"{p}电动车充电难",
     "{p}没有电动车充电桩，{d}，存在很大的火灾隐患。",
     {"很多人从楼上拉电线充电", "有人把电瓶拿回家里充", "车棚早就不够用了"},
     "街道办事处和物业公司"},
    {"{p}无障碍设施缺失",
     "{p}的盲道被占用、坡道坏了{t}，{d}。",
     {"坐轮椅的老人出不了门", "人行道上停满了车", "公共厕所没有无障碍设施"},
     "区残联和区住房和城乡建设局"},
    {"{p}社区看病不方便",
     "{p}附近的社区卫生服务中心{d}，看病很不方便。",
     {"医生太少排队要一上午", "常用的慢病药经常缺货", "周末不开门"},
     "区卫生健康局"},
    {"{p}缺少普惠托育",
     "{p}周边没有普惠性的托育机构，{d}。",
     {"双职工家庭孩子没人带", "私立托育收费太高", "希望社区能提供托管服务"},
     "区卫生健康局"},
    {"{p}工地拖欠农民工工资",
     "我在{p}的工地干活，{d}，包工头也联系不上了。",
     {"老板拖欠了三个月的工资", "十几个工友的工资都没结", "快过年了急需用钱"},
     "区人社局劳动保障监察大队"},
    {"{p}社保业务办理不便",
     "{p}的居民反映，{d}，希望相关部门给予解释。",
     {"退休人员养老金认证手续太繁琐", "灵活就业人员社保缴费不方便", "异地就医备案办理困难"},
     "区人力资源和社会保障局"},
    {"{p}新房办不了不动产证",
     "{p}的新房交房{t}了还办不了不动产证，{d}。",
     {"开发商一直拖着不办", "孩子上学落户都受影响", "问了几次都说在走程序"},
     "市自然资源局"},
    {"{p}黄河沿岸倾倒垃圾",
     "{p}附近黄河沿岸有人倾倒建筑垃圾，{d}。",
     {"河滩上堆了好几车", "还有人在河边洗车", "污水直接排进黄河"},
     "市生态环境局和河长制办公室"},
    {"{p}通村道路未硬化",
     "{p}往村里去的通村道路{t}没有硬化，{d}。",
     {"一下雨就泥泞不堪", "农产品运不出去", "孩子上学要走很远的土路"},
     "区交通运输局"},
    {"{p}灌溉水渠年久失修",
     "{p}的灌溉水渠年久失修，{d}，影响今年春耕。",
     {"渠道渗漏严重", "水到不了地头", "泵站的设备也老化了"},
     "区水务局"},
    {"{p}高原夏菜销售难",
     "{p}今年种的高原夏菜{d}，希望帮助找销路。",
     {"收购价格太低连成本都不够", "冷库不够菜烂在地里", "缺少稳定的收购商"},
     "区农业农村局"},
    {"{p}百合种植户的困难",
     "{p}种百合的农户反映，{d}。",
     {"种植补贴一直没有发下来", "百合病虫害多缺少技术指导", "百合收购价格波动太大"},
     "区农业农村局"},
    {"{p}小微企业办事难",
     "我们是{p}的一家小微企业，{d}，希望进一步优化营商环境。",
     {"办一个许可要跑好几个部门", "政府工程款拖欠了一年多", "贷款难融资成本高"},
     "市营商环境建设局"},
    {"{p}牛肉面馆经营不规范",
     "{p}的牛肉面馆{d}，希望加强监管。",
     {"早上排队占用人行道", "后厨卫生条件差", "价格涨了却不明码标价"},
     "区市场监督管理局"},
    {"{p}孩子上学难",
     "{p}的孩子上学难，{d}，希望增加学位供给。",
     {"划片学校离家太远", "学校班额太大一个班六十多人", "新小区没有配套学校"},
     "区教育局"},
    {"{p}课后服务需改进",
     "{p}附近的学校{d}，希望改进课后服务。",
     {"放学太早家长没法接", "课后服务收费不透明", "课后服务内容单一只是写作业"},
     "区教育局"},
    {"{p}消防通道被占",
     "{p}的消防通道长期被车辆占用，{d}。",
     {"上次救护车都进不来", "消防栓也被遮挡了", "物业根本不管"},
     "消防救援大队"},
    {"{p}井盖破损",
     "{p}有一个井盖破损{t}了，{d}，非常危险。",
     {"只用几块砖头围着", "晚上根本看不见", "已经有人差点掉下去"},
     "市城市管理委员会"},
    {"{p}缺少公共厕所",
     "{p}一带没有公共厕所，{d}。",
     {"游客和环卫工人都很不方便", "原来的公厕锁着门不开放", "现有公厕卫生状况很差"},
     "区环境卫生管理站"},
    {"{p}渣土车夜间扰民",
     "{p}每天夜里都有渣土车经过，{d}。",
     {"车速很快还不遮盖", "沙土撒得满路都是", "噪音吵得整夜睡不着觉"},
     "区城管局和交警大队"},
    {"{p}老人被骗购保健品",
     "{p}有不少老人被推销保健品的人骗了，{d}。",
     {"有的老人花了好几万", "他们打着免费体检的旗号", "希望社区多开展防诈宣传"},
     "公安分局和区市场监督管理局"},
};

// One of a list of literals (the lists are arrays: no initialisation that could throw).
template <std::size_t N>
std::string pick(Random& r, const char* const (&list)[N]) {
  return list[r.below(N)];
}

// Streets and places of Lanzhou, and what lies along them.
constexpr const char* kRoads[] = {
    "庆阳路", "张掖路",   "酒泉路",   "武都路", "中山路", "天水南路",   "天水北路", "东岗西路",
    "雁滩路", "南河道",   "民主西路", "皋兰路", "盘旋路", "西津西路",   "建兰路",   "龚家湾",
    "土门墩", "安宁西路", "培黎广场", "刘家堡", "十里店", "北滨河路",   "南滨河路", "焦家湾",
    "拱星墩", "五里铺",   "雁北路",   "雁宁路", "福利路", "陈坪",       "河口南",   "和平镇",
    "夏官营", "定远镇",   "九州大道", "红山根", "五泉山", "火车站东路", "西站",     "小西湖"};
constexpr const char* kEstates[] = {
    "金城花园",   "阳光小区", "团结新村", "佛慈新村", "建工新村", "铁路局家属院", "兰石新村",
    "民勤街小区", "雁园小区", "新港城",   "河畔小区", "枣林小区", "畅家巷小区",   "邮电新村"};
constexpr const char* kDurations[] = {"一个多星期", "半个多月", "一个多月",
                                      "两个多月",   "小半年",   "好几年"};
constexpr const char* kOpenings[] = {"", "", "", "您好，", "尊敬的委员：", "我是附近的居民，"};
constexpr const char* kClosings[] = {"希望委员帮忙反映，尽快解决。",
                                     "恳请相关部门重视。",
                                     "希望能给个答复。",
                                     "麻烦委员帮忙协调一下。",
                                     "谢谢！",
                                     "盼复。"};
constexpr const char* kConversions[] = {"社情民意信息", "提案", "协商议题"};
constexpr const char* kDeclineReasons[] = {
    "该事项已进入司法程序，不属于工作室受理范围，建议通过法律途径解决。",
    "该事项属于个人民事纠纷，建议向人民调解委员会申请调解。"};
constexpr const char* kRatingComments[] = {"",
                                           "",
                                           "处理很及时，谢谢委员！",
                                           "问题已经解决了。",
                                           "还没有彻底解决，希望继续跟进。",
                                           "委员很负责任。"};

struct Channel {
  const char* name;
  double upto;  // cumulative share
};
const Channel kChannels[] = {{"qr_code", 0.55}, {"reception_day", 0.70}, {"visit", 0.80},
                             {"phone", 0.90},   {"letter", 0.95},        {"online", 1.0}};

std::string fill(std::string_view pattern, const std::string& place, const std::string& detail,
                 const std::string& duration) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}') {
      const char k = pattern[i + 1];
      out += k == 'p' ? place : k == 'd' ? detail : duration;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// Tracking codes: a 4-round Feistel permutation of 48-bit indexes (so distinct indexes give
// distinct codes), written in base 31 over the intake's alphabet (31^10 > 2^48).
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
std::string tracking_code(std::uint64_t index) {
  constexpr std::uint64_t kHalf = 0xFFFFFF;
  std::uint64_t l = (index >> 24) & kHalf, r = index & kHalf;
  for (std::uint64_t round = 1; round <= 4; ++round) {
    const auto f = Random(r * 0x9E3779B97F4A7C15ULL + round).next() & kHalf;
    const auto next_r = l ^ f;
    l = r;
    r = next_r;
  }
  std::uint64_t x = (l << 24) | r;
  std::string out(10, kAlphabet[0]);
  for (int i = 9; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kAlphabet[x % kAlphabet.size()];
    x /= kAlphabet.size();
  }
  return out;
}

struct Studio {
  std::int64_t id = 0;
  std::string division;        // 12 digits
  std::string address_prefix;  // "甘肃省兰州市城关区雁南街道"
  std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> members;  // id, sector
};

struct World {
  std::int64_t conference_id = 0;
  std::vector<Studio> studios;
  std::string consent_version;
  int claim_days = 3, reply_days = 15;
  const calendar::WorkCalendar* calendar = nullptr;
  std::int64_t now = 0;
  std::int64_t first_index = 0;  // for tracking codes: MAX(cases.id) before the load
  std::int64_t total = 0;
};

// Column order of the INSERT below; Row::values follows it.
class TokenCache {
 public:
  std::string tokens(std::string_view s) {
    std::string out;
    std::size_t start = 0;
    int kind = 0;  // 0 none, 1 Han, 2 letters/digits
    const auto close = [&](std::size_t end) {
      if (kind == 0) return;
      const auto& t = run_tokens(s.substr(start, end - start));
      if (!t.empty()) {
        if (!out.empty()) out += ' ';
        out += t;
      }
      kind = 0;
    };
    for (std::size_t i = 0; i < s.size();) {
      std::size_t len = 1;
      const char32_t cp = text::decode_at(s, i, len);
      const bool word =
          (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      const int k = text::is_han(cp) ? 1 : word ? 2 : 0;
      if (k != kind) {
        close(i);
        kind = k;
        start = i;
      }
      i += len;
    }
    close(s.size());
    return out;
  }

 private:
  const std::string& run_tokens(std::string_view run) {
    if (runs_.size() > 1'000'000) runs_.clear();  // bounded memory whatever the texts
    auto it = runs_.find(run);
    if (it == runs_.end()) it = runs_.emplace(std::string(run), text::index_text(run)).first;
    return it->second;
  }
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> runs_;
};

using cases::BulkCase;
using namespace cases;  // the column names

std::string json_string(const boost::json::object& o) {
  return boost::json::serialize(o);
}

BulkCase make_row(const World& w, Random& r, TokenCache& cache, std::int64_t index) {
  BulkCase row;
  row.values.assign(kColumns, storage::Null{});
  auto& v = row.values;

  // When: position in the load → time, with volume growing linearly over the two years
  // (density ∝ 1 + t, t = 0 two years ago); ids follow created_at.
  const double f = (static_cast<double>(index) + r.unit()) / static_cast<double>(w.total);
  const double t = std::sqrt(1.0 + 3.0 * f) - 1.0;
  const std::int64_t end = w.now - 10 * kMinuteMs;
  const std::int64_t created = end - kSpanMs + static_cast<std::int64_t>(t * kSpanMs);
  const std::int64_t now = w.now;

  // Where and what.
  const auto& studio = w.studios[r.below(w.studios.size())];
  row.group = r.below(std::size(kProblems));
  const auto& problem = kProblems[row.group];
  const auto road = pick(r, kRoads);
  const double form = r.unit();
  const std::string place = form < 0.4   ? road
                            : form < 0.7 ? road + pick(r, kEstates)
                                         : road + std::to_string(1 + r.below(300)) + "号院";
  const auto detail = std::string(problem.details[r.below(problem.details.size())]);
  const auto duration = pick(r, kDurations);
  const std::string title = r.chance(0.7) ? fill(problem.title, place, detail, duration) : "";
  const std::string text =
      pick(r, kOpenings) + fill(problem.text, place, detail, duration) + pick(r, kClosings);
  const std::string address =
      studio.address_prefix + road + std::to_string(1 + r.below(400)) + "号";
  const double ch = r.unit();
  const char* channel = kChannels[0].name;
  for (const auto& c : kChannels) {
    if (ch < c.upto) {
      channel = c.name;
      break;
    }
  }

  v[kConference] = w.conference_id;
  v[kCode] = tracking_code(static_cast<std::uint64_t>(w.first_index + index + 1));
  v[kChannel] = std::string(channel);
  v[kTitle] = title;
  v[kText] = text;
  v[kAddress] = address;
  v[kDivision] = studio.division;
  v[kStudio] = studio.id;
  v[kChosen] = false;
  v[kConsentVersion] = w.consent_version;
  v[kConsentAt] = created;
  v[kReopenCount] = std::int64_t{0};
  v[kEscalationLevel] = std::int64_t{0};
  v[kTokens] = cache.tokens(title + " " + text + " " + address);
  v[kAnalyzerVersion] = std::int64_t{text::kAnalyzerVersion};
  v[kCreatedAt] = created;
  row.submit_detail = json_string({{"channel", channel}, {"photos", 0}});

  // The state it has reached, by age.
  enum class Plan { submitted, assigned, in_progress, replied, declined, merged, closed };
  const double age_days = static_cast<double>(now - created) / kDayMs;
  const double p = r.unit();
  Plan plan;
  if (age_days < 1.5) {
    plan = p < 0.45 ? Plan::submitted : p < 0.8 ? Plan::assigned : Plan::in_progress;
  } else if (age_days < 7) {
    plan = p < 0.04   ? Plan::submitted
           : p < 0.2  ? Plan::assigned
           : p < 0.7  ? Plan::in_progress
           : p < 0.9  ? Plan::replied
           : p < 0.93 ? Plan::declined
           : p < 0.96 ? Plan::merged
                      : Plan::closed;
  } else if (age_days < 40) {
    plan = p < 0.04   ? Plan::assigned
           : p < 0.45 ? Plan::in_progress
           : p < 0.6  ? Plan::replied
           : p < 0.62 ? Plan::declined
           : p < 0.65 ? Plan::merged
                      : Plan::closed;
  } else {
    plan = p < 0.004  ? Plan::assigned
           : p < 0.02 ? Plan::in_progress
           : p < 0.05 ? Plan::merged
                      : Plan::closed;
  }
  const auto between = [&](std::int64_t lo, std::int64_t hi) {
    return hi <= lo ? lo : lo + static_cast<std::int64_t>(r.unit() * static_cast<double>(hi - lo));
  };
  std::int64_t updated = created;
  const auto status = [&](const char* s) { v[kStatus] = std::string(s); };

  if (plan == Plan::submitted) {
    status("submitted");
    v[kUpdatedAt] = updated;
    return row;
  }
  if (plan == Plan::merged) {
    status("merged");
    row.merged = true;
    v[kUpdatedAt] = between(created + kHourMs, std::min(now, created + 3 * kDayMs));
    return row;
  }

  // Assigned to a member of the studio, with the deadlines of the working-day calendar.
  const std::int64_t assigned = between(
      created + kHourMs / 2, std::min(created + 30 * kHourMs, created + (now - created) / 2));
  if (!studio.members.empty()) {
    const auto& [member, sector] = studio.members[r.below(studio.members.size())];
    v[kMember] = member;
    v[kSector] = sector ? storage::Value(*sector) : storage::Value(storage::Null{});
    v[kChosen] = std::string_view(channel) == "qr_code" && r.chance(0.06);
  }
  const auto claim_due = w.calendar->deadline_ms(assigned, w.claim_days);
  const auto reply_due = w.calendar->deadline_ms(assigned, w.reply_days);
  v[kAssignedAt] = assigned;
  v[kClaimDueAt] = claim_due;
  v[kReplyDueAt] = reply_due;
  updated = assigned;

  // Overdue open cases carry what the sweeper did: reminder, escalation (level 2 after a
  // few days at level 1).
  const auto escalate_if_overdue = [&](std::int64_t due) {
    if (now <= due) return;
    const bool to_staff = now - due > 4 * kDayMs;
    v[kEscalationLevel] = std::int64_t{to_staff ? 2 : 1};
    v[kEscalatedAt] = to_staff ? due + 3 * kDayMs : due + 5 * kMinuteMs;
  };
  if (plan == Plan::assigned) {
    status("assigned");
    escalate_if_overdue(claim_due);
    v[kUpdatedAt] = updated;
    return row;
  }

  const std::int64_t claimed = between(
      assigned + 2 * kHourMs, std::min(assigned + 3 * kDayMs, assigned + (now - assigned) / 2));
  v[kClaimedAt] = claimed;
  updated = claimed;
  if (plan == Plan::in_progress) {
    status("in_progress");
    if (reply_due - kDayMs < now) v[kRemindedAt] = reply_due - kDayMs;
    escalate_if_overdue(reply_due);
    v[kUpdatedAt] = updated;
    return row;
  }

  // Answered: replied or declined (waiting for a rating, within the 7-day period), or closed.
  const double o = r.unit();
  std::string outcome = o < 0.56   ? "solved"
                        : o < 0.71 ? "partly_solved"
                        : o < 0.85 ? "explained"
                        : o < 0.93 ? "referred"
                        : o < 0.96 ? "converted"
                                   : "declined";
  if (plan == Plan::replied && outcome == "declined") outcome = "solved";
  if (plan == Plan::declined) outcome = "declined";
  std::int64_t replied;
  if (plan == Plan::closed) {
    replied =
        between(claimed + kDayMs, std::min(claimed + 20 * kDayMs, claimed + (now - claimed) / 2));
  } else {
    const auto lo = std::max(claimed + kHourMs, now - 6 * kDayMs);
    replied = lo >= now ? claimed : between(lo, now - kMinuteMs);
  }
  v[kOutcome] = outcome;
  v[kRepliedAt] = replied;
  const std::string topic = fill(problem.title, "", "", "");
  if (outcome == "referred") {
    v[kReferredTo] = std::string(problem.agency);
    v[kReplyText] = "您反映的" + topic + "问题已转交" + problem.agency + "办理，请留意后续答复。";
  } else if (outcome == "converted") {
    const auto into = pick(r, kConversions);
    v[kConvertedTo] = into;
    v[kReplyText] = "您反映的" + topic + "问题具有普遍性，已转化为" + into + "报送。";
  } else if (outcome == "declined") {
    const auto reason = pick(r, kDeclineReasons);
    v[kDeclineReason] = reason;
    v[kReplyText] = reason;
  } else {
    v[kReplyText] =
        "您反映的" + topic + "问题，委员已与" + problem.agency + "沟通协调，" +
        (outcome == "solved"          ? "相关部门已现场处理完毕。"
         : outcome == "partly_solved" ? "已先行临时处理，彻底解决已列入明年计划。"
                                      : "该问题涉及规划调整，暂时无法解决，特此说明。") +
        "感谢您的反映！";
  }
  updated = replied;
  if (plan != Plan::closed) {
    status(plan == Plan::declined ? "declined" : "replied");
    v[kUpdatedAt] = updated;
    return row;
  }

  // Closed: rated (reopened once when unsatisfied, in some cases) or auto-closed unrated.
  status("closed");
  const bool can_rate = outcome != "declined";
  const bool rated = can_rate && (r.chance(0.72) || replied + 7 * kDayMs > now - kHourMs);
  std::int64_t closed;
  if (rated) {
    const double q = r.unit();
    const std::string rating = q < 0.68  ? "satisfied"
                               : q < 0.9 ? "basically_satisfied"
                                         : "unsatisfied";
    closed = between(replied + kHourMs, std::min(replied + 6 * kDayMs, now - kMinuteMs));
    v[kRating] = rating;
    v[kRatedAt] = closed;
    const auto comment = pick(r, kRatingComments);
    if (!comment.empty()) v[kRatingComment] = comment;
    if (rating == "unsatisfied" && r.chance(0.5)) v[kReopenCount] = std::int64_t{1};
  } else {
    closed = std::min(replied + 7 * kDayMs + between(0, kHourMs), now - kMinuteMs);
  }
  v[kClosedAt] = closed;
  v[kUpdatedAt] = closed;
  return row;
}

std::vector<BulkCase> make_batch(const World& w, TokenCache& cache, std::uint64_t seed,
                                 std::int64_t first, std::int64_t n) {
  // A generator per batch, so the output does not depend on how batches are scheduled.
  Random r(Random(seed ^ (0xB5AD4ECEDA1CE2A9ULL * static_cast<std::uint64_t>(first + 1))).next());
  std::vector<BulkCase> rows;
  rows.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = first; i < first + n; ++i)
    rows.push_back(make_row(w, r, cache, i));
  return rows;
}

World load_world(ServiceContext& ctx, std::int64_t count) {
  World w;
  ctx.db.read([&](storage::Connection& c) {
    w.conference_id = organisation::first_conference_of_level(c, "city").value_or(0);
    if (w.conference_id != 0) {
      for (const auto& s : organisation::studio_rosters(c, w.conference_id)) {
        Studio studio;
        studio.id = s.id;
        studio.division = divisions::normalize_code(s.division_code).value_or(s.division_code);
        studio.address_prefix = ctx.divisions->find(studio.division)
                                    ? ctx.divisions->full_name(studio.division)
                                    : std::string("甘肃省兰州市");
        for (const auto& m : s.members)
          studio.members.emplace_back(m.member_id, m.sector_id);
        w.studios.push_back(std::move(studio));
      }
    }
    w.first_index = cases::max_case_id(c);
  });
  if (w.conference_id == 0 || w.studios.empty()) {
    throw Error::bad_request("demo.not_seeded", "请先运行 seed-demo 生成演示数据",
                             "run seed-demo first: no city conference with studios");
  }
  w.consent_version = ctx.config.cases.privacy_notice_version;
  w.claim_days = ctx.config.cases.claim_working_days;
  w.reply_days = ctx.config.cases.reply_working_days;
  w.calendar = ctx.calendar.get();
  w.now = std::chrono::duration_cast<std::chrono::milliseconds>(
              std::chrono::system_clock::now().time_since_epoch())
              .count();
  w.total = count;
  return w;
}

}  // namespace

std::int64_t load_cases(ServiceContext& ctx, std::int64_t count, std::uint64_t seed,
                        const std::function<void(std::int64_t done)>& progress) {
  if (count <= 0) return 0;
  const World w = load_world(ctx, count);
  // The next batch is generated while this one is written; one generator at a time, so
  // the token cache needs no lock (future::get orders the accesses).
  TokenCache cache;
  const auto batch = [&](std::int64_t first) {
    return std::async(std::launch::async, make_batch, std::cref(w), std::ref(cache), seed, first,
                      std::min(kBatchSize, count - first));
  };
  cases::BulkLoader loader(ctx.db);
  std::int64_t done = 0;
  auto next = batch(0);
  while (done < count) {
    auto rows = next.get();
    const auto n = static_cast<std::int64_t>(rows.size());
    if (done + n < count) next = batch(done + n);
    loader.write(rows);
    done += n;
    if (progress) progress(done);
  }
  return done;
}

}  // namespace tongxin::demo

// src/demo/cases_demo.cpp
#include "demo/cases_demo.hpp"

#include <boost/json.hpp>
#include <map>

#include "accounts/directory.hpp"
#include "cases/cases.hpp"
#include "core/audit/audit.hpp"
#include "demo/random.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::demo {

namespace {

namespace json = boost::json;
using cases::Action;

struct Matter {
  const char* title;
  const char* text;
  const char* address;
  const char* reply;
};

// What Lanzhou citizens bring to a studio (cf. seeds: 老旧小区、加装电梯、供暖、停车…).
const std::vector<Matter>& matters() {
  static const std::vector<Matter> list{
      {"老旧小区加装电梯难",
       "我们院是九十年代的老楼，住着很多七八十岁的老人，想加装电梯，但低层住户不同意，社区协调了几"
       "次都没结果，希望委员帮忙推动。",
       "雁滩路3号院", "已联合街道召开楼栋议事会，低层住户补偿方案达成一致，电梯已进入审批。"},
      {"暖气不热",
       "今年供暖以后家里暖气一直不热，室温只有十五度，供热公司来看过说管道老化，一直没有处理。",
       "建兰路48号院", "已协调供热公司更换楼内立管，室温达到十九度以上。"},
      {"路灯不亮", "小区门口那段路的路灯坏了一个多月，晚上黑漆漆的，老人孩子出门很不安全。",
       "东岗东路立交桥东侧", "已转城管部门，路灯已于本周修复。"},
      {"停车难", "小区车位太少，晚上车都停在消防通道上，万一着火消防车都进不来。", "锦苑小区",
       "已推动街道协调周边单位夜间错时共享车位120个。"},
      {"下水道堵塞", "巷子里的下水道经常堵，污水漫到路上，夏天味道特别大。", "伏龙坪下沟巷",
       "已协调市政部门疏通并列入管网改造计划。"},
      {"学校门口交通拥堵", "每天早上学校门口接送孩子的车太多，经常堵到马路上，孩子过马路很危险。",
       "渭源路实验小学门口", "已协调交警在上下学时段设置护学岗和临时停车带。"},
      {"慢病报销不便",
       "我父亲有高血压糖尿病，在镇卫生院开药医保不能直接报销，要跑到县医院，来回很不方便。",
       "金崖镇卫生院", "已向医保局反映，镇卫生院已开通慢特病门诊直接结算。"},
      {"农民工工资被拖欠",
       "我们在工地干了大半年，工钱还有六万多没结，老板一直说等验收，过年回家的路费都没有。",
       "新城镇物流园项目", "已转人社部门劳动监察，工资已全部结清。"},
      {"村里吃水难", "村里自来水三天两头停，一停就是好几天，只能拉水窖的水吃，希望解决饮水问题。",
       "七山乡峡口村", "已协调水务部门新建加压泵站，供水恢复正常。"},
      {"老年助餐点停办",
       "社区老年助餐点停了快一个月了，以前十块钱一顿很实惠，现在老人们吃饭成了问题。",
       "团结新村社区", "已推动民政部门引入新的运营方，助餐点已恢复。"},
      {"夜间施工噪音", "附近工地天天晚上施工到十二点以后，打桩机咚咚响，附近几个小区都睡不好觉。",
       "敦煌路西津西路十字东北角", "已联系住建部门查处，夜间施工已停止。"},
      {"流浪狗伤人",
       "小区里流浪狗越来越多，成群结队，前几天有小孩被咬了去打疫苗，希望有关部门收容。",
       "龚家湾新村", "已协调城管和动物收容中心开展集中收容。"},
      {"小微企业融资难",
       "我们是一家做软件的小公司，订单有了但是流动资金不够，银行贷款要抵押，我们没有厂房。",
       "高新区创新园B座", "已对接兰州银行“科技贷”产品，企业获得信用贷款50万元。"},
      {"占道经营", "农贸市场门口小摊把人行道和半条马路都占了，垃圾遍地，车过不去人也走不了。",
       "临夏路农贸市场", "已协调街道划定临时疏导点，占道现象明显改善。"},
      {"公交线路太少", "我们小区住了三千多户，最近的公交站要走二十分钟，老人去医院只能打车。",
       "孔家崖安居苑小区", "已向交通部门提出建议，新增公交线路已纳入年度计划。"},
  };
  return list;
}

}  // namespace

std::string seed_cases(SeedContext& sc, std::int64_t lanzhou) {
  auto& c = sc.conn;
  const auto& ctx = sc.ctx;
  Random rnd(sc.seed ^ 0xCA5E5ULL);
  const auto members = organisation::members_of_conference(c, lanzhou);
  std::vector<organisation::MemberBrief> with_studio;
  for (const auto& m : members) {
    if (!m.studios.empty()) with_studio.push_back(m);
  }
  if (with_studio.empty()) return "群众诉求 cases: 0（没有工作室成员）";
  // The demo accounts' members get cases of their own so that "我的诉求" is not empty.
  std::vector<std::int64_t> account_members;
  for (const auto& [member, user] : accounts::member_accounts(c))
    account_members.push_back(member);
  const auto user_of = [&](const char* role) -> audit::Actor {
    const auto a = accounts::first_account_with_role(c, role).value();
    auth::Principal p;
    p.user_id = a.id;
    p.username = role;
    p.roles = {role == std::string("staff") ? auth::Role::staff : auth::Role::studio_lead};
    p.conference_id = a.conference_id.value_or(0);
    return {p, "127.0.0.1", "seed-demo"};
  };
  const auto staff = user_of("staff");
  const audit::Actor citizen{std::nullopt, "127.0.0.1", "seed-demo"};
  std::map<std::int64_t, std::int64_t> user_of_member;  // the first account of each member
  for (const auto& [member, user] : accounts::member_accounts(c))
    user_of_member.emplace(member, user);
  const auto member_actor = [&](std::int64_t member_id) {
    auth::Principal p;
    p.user_id = user_of_member.contains(member_id) ? user_of_member.at(member_id) : 0;
    p.username = "member";
    p.roles = {auth::Role::member};
    p.conference_id = lanzhou;
    p.member_id = member_id;
    return audit::Actor{p, "127.0.0.1", "seed-demo"};
  };

  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  const auto now = audit::now_ms();
  const int total = sc.scale == "small" ? 40 : 320;
  int made = 0, merged = 0;
  std::vector<std::int64_t> ids, primaries;
  for (int i = 0; i < total; ++i) {
    const auto& m = matters()[static_cast<std::size_t>(i) % matters().size()];
    const auto& handler =
        i < 12 && !account_members.empty()
            ? *std::find_if(
                  members.begin(), members.end(),
                  [&](const auto& x) {
                    return x.id ==
                           account_members[static_cast<std::size_t>(i) % account_members.size()];
                  })
            : with_studio[rnd.below(with_studio.size())];
    const auto studio =
        handler.studios.empty() ? with_studio.front().studios.front() : handler.studios.front();
    // Older cases have gone further; the last few are still coming in.
    // The last few are recent and pinned to the states a sweep would otherwise close.
    const bool recent = i >= total - 8;
    const auto age_days = recent ? 3 : static_cast<std::int64_t>(total - i) * 300 / total + 1;
    const auto t0 = now - age_days * kDay - static_cast<std::int64_t>(rnd.below(8UL * 3600)) * 1000;
    cases::Intake in;
    in.channel = rnd.chance(0.7) ? "qr_code" : rnd.chance(0.5) ? "reception_day" : "visit";
    in.title = m.title;
    in.text = m.text;
    in.address = m.address;
    in.studio_id = studio.id;
    in.anonymous = rnd.chance(0.4);
    if (!in.anonymous) {
      static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "马", "何", "魏"};
      in.contact_name = std::string(kSurnames[rnd.below(10)]) + (rnd.chance(0.5) ? "秀兰" : "建军");
      in.contact_phone = "139" + std::to_string(10000000 + rnd.below(89999999));
    }
    in.consent_version = ctx.config.cases.privacy_notice_version;
    const auto id = cases::submit(c, ctx, citizen, in, t0).id;
    ids.push_back(id);
    ++made;
    // How far this case has come: a mix across every state.
    static constexpr std::size_t kRecentStages[] = {47, 52, 58, 15, 60, 35, 20, 3};
    auto stage = recent ? kRecentStages[i - (total - 8)] : rnd.below(100);
    // Most older cases were answered (the seeds report 95 % answered); a few stay stuck and
    // show up as overdue and escalated.
    if (age_days > 20 && stage >= 20 && stage < 45) stage = 62 + stage % 38;
    if (stage < 8) continue;  // submitted: waiting for routing
    if (stage < 14 && primaries.size() > 1) {
      // Merged into an earlier report of the same place, still open or recent.
      cases::apply_action(c, ctx, staff, id, Action::merge,
                          json::object{{"into_case_id", primaries[primaries.size() - 1]}},
                          t0 + kDay / 2);
      ++merged;
      continue;
    }
    primaries.push_back(id);
    if (stage < 17) {
      cases::apply_action(
          c, ctx, staff, id, Action::decline,
          json::object{{"reason", "属于民事纠纷，已告知当事人通过人民调解或诉讼途径解决"},
                       {"kind", "personal_dispute"}},
          t0 + kDay);
      continue;
    }
    const auto actor = member_actor(handler.id);
    cases::apply_action(c, ctx, staff, id, Action::assign,
                        json::object{{"member_id", handler.id}, {"studio_id", studio.id}},
                        t0 + kDay / 3);
    if (stage < 27) continue;  // assigned, not yet claimed (older ones will be overdue)
    cases::apply_action(c, ctx, actor, id, Action::claim,
                        json::object{{"note", "已电话联系群众，了解详细情况"}}, t0 + kDay);
    if (stage < 45) continue;  // in progress
    const auto reply_at =
        recent ? t0 + 2 * kDay : t0 + (3 + static_cast<std::int64_t>(rnd.below(10))) * kDay;
    if (reply_at > now) continue;
    if (stage < 50) {
      cases::apply_action(
          c, ctx, actor, id, Action::refer,
          json::object{{"to", "hotline_12345"},
                       {"guidance", "该事项由市政府12345热线统一受理，已帮助群众登记并跟踪办理。"}},
          reply_at);
    } else if (stage < 54) {
      cases::apply_action(c, ctx, actor, id, Action::convert,
                          json::object{{"target", "micro_suggestion"},
                                       {"note", "问题具有普遍性，转为微建议推动解决"}},
                          reply_at);
    } else {
      cases::apply_action(c, ctx, actor, id, Action::reply,
                          json::object{{"text", m.reply},
                                       {"outcome", rnd.chance(0.8) ? "solved" : "partly_solved"}},
                          reply_at);
    }
    if (stage < 62) continue;  // answered, waiting for the rating
    const auto rate_at = reply_at + (1 + static_cast<std::int64_t>(rnd.below(5))) * kDay;
    if (rate_at > now) continue;
    const char* rating = stage < 66   ? "unsatisfied"
                         : stage < 80 ? "basically_satisfied"
                                      : "satisfied";
    cases::apply_action(c, ctx, citizen, id, Action::rate, json::object{{"rating", rating}},
                        rate_at, true);
  }
  // Deadlines as the server would have applied them by today: reminders, escalations,
  // auto-closed unrated cases.
  auto swept = cases::sweep_in(c, ctx, now - 4 * kDay);
  const auto today = cases::sweep_in(c, ctx, now);
  swept.escalated += today.escalated;
  swept.closed += today.closed;
  return "群众诉求 cases: " + std::to_string(made) + "（合并 " + std::to_string(merged) +
         "，督办 " + std::to_string(swept.escalated) + "，自动办结 " +
         std::to_string(swept.closed) + "）";
}

}  // namespace tongxin::demo

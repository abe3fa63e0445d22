// src/cases/routing.cpp
#include "cases/routing.hpp"

#include <algorithm>
#include <map>

#include "core/text/text.hpp"

namespace tongxin::cases {

namespace {

struct Topic {
  const char* sector;  // national sector name (glossary: Sector; national_sectors.name)
  std::vector<const char*> keywords;
};

// Words a citizen uses for a matter → the sector whose members know it best.
const std::vector<Topic>& lexicon() {
  static const std::vector<Topic> topics{
      {"医药卫生界",
       {"医院", "看病", "医保", "报销", "药", "医生", "诊所", "卫生院", "疫苗", "体检", "护理",
        "慢病", "急救", "挂号"}},
      {"教育界",
       {"学校", "上学", "入学", "老师", "教师", "幼儿园", "学生", "课后", "校车", "学区", "教育",
        "校门"}},
      {"农业界",
       {"农村", "村里", "种植", "灌溉", "农田", "庄稼", "化肥", "合作社", "百合", "蔬菜", "农产品",
        "养殖", "农民", "饮水"}},
      {"经济界", {"企业", "融资", "贷款", "营商", "招商", "物流", "税", "银行", "小微", "产业"}},
      {"中华全国工商业联合会", {"个体", "商户", "门店", "摊位", "民营", "商会", "餐饮", "牛肉面"}},
      {"社会福利和社会保障界",
       {"养老", "老人", "低保", "救助", "残疾", "社保", "养老金", "助餐", "无障碍", "困难",
        "补贴"}},
      {"中华全国总工会",
       {"工资", "欠薪", "拖欠", "农民工", "劳动合同", "加班", "工伤", "职工", "就业"}},
      {"中华全国妇女联合会", {"妇女", "儿童", "家暴", "托育", "孕", "留守", "母婴"}},
      {"中国共产主义青年团和中华全国青年联合会", {"青年", "大学生", "创业", "青少年", "实习"}},
      {"环境资源界",
       {"污染", "噪音", "噪声", "垃圾", "黄河", "绿化", "油烟", "扬尘", "排污", "河道", "环境",
        "臭"}},
      {"科学技术界", {"科技", "技术", "网络", "信号", "数字", "智能", "5G"}},
      {"文化艺术界", {"文化", "广场舞", "图书馆", "文艺", "非遗", "演出", "书屋"}},
      {"体育界", {"健身", "体育", "球场", "运动场", "健身器材"}},
      {"社会科学界", {"物业", "业主", "纠纷", "法律", "调解", "社区治理", "维修基金"}},
      {"少数民族界", {"民族", "清真"}},
      {"宗教界", {"宗教", "寺", "教堂"}},
  };
  return topics;
}

// Weights: a suggestion's score is the sum of what applies. Place outweighs a loose
// keyword match; a full load cancels a good match (no one gets every case).
constexpr double kStudioOfOrigin = 35;
constexpr double kSameTownship = 30;
constexpr double kSameCounty = 15;
constexpr double kSectorFit = 40;
constexpr double kExpertise = 25;
constexpr double kLoadPenalty = 4;
constexpr int kMaxExpertiseHits = 2;

std::size_t common_division_digits(const std::string& a, const std::string& b) {
  if (a.size() < 9 || b.size() < 9) return 0;
  if (a.compare(0, 9, b, 0, 9) == 0 && a.substr(6, 3) != "000") return 9;
  if (a.compare(0, 6, b, 0, 6) == 0) return 6;
  if (a.compare(0, 4, b, 0, 4) == 0) return 4;
  return 0;
}

// A tag matches when it occurs in the text, or when most of its character bigrams do
// (医疗保障 ~ 医保 does not; 小微企业融资 ~ 小微企业贷款融资 does).
bool tag_matches(const std::string& normalized_text, const std::string& tag) {
  const auto t = text::normalize(tag);
  if (t.empty()) return false;
  if (normalized_text.find(t) != std::string::npos) return true;
  // Han characters are 3 bytes in UTF-8; compare 2-character windows.
  if (t.size() < 9 || t.size() % 3 != 0) return false;
  int hits = 0, total = 0;
  for (std::size_t i = 0; i + 6 <= t.size(); i += 3) {
    ++total;
    if (normalized_text.find(t.substr(i, 6)) != std::string::npos) ++hits;
  }
  return total > 0 && hits * 3 >= total * 2;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> detect_sectors(const std::string& input) {
  const auto t = text::normalize(input);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& topic : lexicon()) {
    for (const auto* kw : topic.keywords) {
      if (t.find(text::normalize(kw)) != std::string::npos) {
        out.emplace_back(topic.sector, kw);
        break;
      }
    }
  }
  return out;
}

std::vector<Suggestion> rank_members(const RoutingInput& in,
                                     const std::vector<organisation::MemberBrief>& members,
                                     const std::vector<std::pair<std::int64_t, int>>& load,
                                     std::size_t limit) {
  const auto topics = detect_sectors(in.text);
  const auto normalized = text::normalize(in.text);
  std::map<std::int64_t, int> load_of(load.begin(), load.end());
  std::vector<Suggestion> out;
  for (const auto& m : members) {
    Suggestion s;
    s.member_id = m.id;
    s.name = m.name;
    s.sector = m.sector_name;
    for (const auto& [sector, keyword] : topics) {
      if (sector == m.national_sector_name || sector == m.sector_name) {
        s.score += kSectorFit;
        s.reasons.push_back("界别对口：" + m.sector_name + "（诉求提到“" + keyword + "”）");
        break;
      }
    }
    int hits = 0;
    for (const auto* tags : {&m.expertise, &m.resources}) {
      for (const auto& tag : *tags) {
        if (hits < kMaxExpertiseHits && tag_matches(normalized, tag)) {
          ++hits;
          s.score += kExpertise;
          s.reasons.push_back((tags == &m.expertise ? "专长：" : "可提供资源：") + tag);
        }
      }
    }
    // Place: the studio the citizen came through, else the nearest of the member's studios.
    std::size_t best_digits = 0;
    const organisation::StudioRef* best = nullptr;
    for (const auto& st : m.studios) {
      if (in.studio_id && st.id == *in.studio_id) {
        best = &st;
        best_digits = 99;
        break;
      }
      if (in.division_code) {
        const auto d = common_division_digits(*in.division_code, st.division_code);
        if (d > best_digits) {
          best_digits = d;
          best = &st;
        }
      }
    }
    if (best_digits == 99) {
      s.score += kStudioOfOrigin;
      s.reasons.push_back("群众扫码的工作室成员：" + best->name);
    } else if (best_digits == 9) {
      s.score += kSameTownship;
      s.reasons.push_back("就近：" + best->name + "（同一街道/乡镇）");
    } else if (best_digits == 6) {
      s.score += kSameCounty;
      s.reasons.push_back("就近：" + best->name + "（同一县区）");
    }
    if (best) {
      s.studio_id = best->id;
      s.studio = best->name;
    } else if (!m.studios.empty()) {
      s.studio_id = m.studios.front().id;
      s.studio = m.studios.front().name;
    }
    const int n = load_of.count(m.id) ? load_of[m.id] : 0;
    s.score -= kLoadPenalty * n;
    s.reasons.push_back(n == 0 ? "当前无在办诉求" : "当前在办" + std::to_string(n) + "件");
    if (s.score > 0) out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<Suggestion> suggest(storage::Connection& c, const RoutingInput& in, std::size_t limit) {
  const auto members = organisation::members_of_conference(c, in.conference_id);
  std::vector<std::pair<std::int64_t, int>> load;
  for (const auto& r :
       c.q("SELECT member_id, COUNT(*) FROM cases WHERE conference_id = $1 AND member_id IS NOT"
           " NULL AND status IN ('assigned', 'in_progress') GROUP BY member_id",
           in.conference_id)) {
    load.emplace_back(r.int64(0), static_cast<int>(r.int64(1)));
  }
  return rank_members(in, members, load, limit);
}

}  // namespace tongxin::cases

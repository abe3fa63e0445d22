// src/cases/categories.cpp
#include "cases/categories.hpp"

#include "core/text/text.hpp"

namespace tongxin::cases {

namespace {

struct Entry {
  Category category;
  std::vector<std::string_view> keywords;
};

const std::vector<Entry>& lexicon() {
  static const std::vector<Entry> entries{
      {{"street_light", "路灯照明"}, {"路灯", "灯不亮", "照明", "亮一个灭", "黑灯"}},
      {{"lift_retrofit", "加装电梯"}, {"电梯", "加梯", "加装"}},
      {{"heating", "供暖"}, {"暖气", "供暖", "采暖", "室温", "供热"}},
      {{"estate_renovation", "老旧小区改造"},
       {"老旧小区改造", "老旧改造", "改造", "外墙保温", "保温", "掉皮", "返工", "施工质量"}},
      {{"parking", "停车"}, {"停车", "车位", "车库", "乱停"}},
      {{"sewage", "下水排污"}, {"下水", "化粪池", "污水", "排污", "脏水"}},
      {{"waterlogging", "道路积水"}, {"积水", "排水不畅", "成河", "淹"}},
      {{"water_supply", "供水"},
       {"自来水", "停水", "吃水", "饮水", "水压", "水管", "没水", "水窖"}},
      {{"gas", "燃气"}, {"燃气", "天然气", "通气", "煤气"}},
      {{"property_service", "物业服务"}, {"物业费", "物业", "业主大会", "公摊"}},
      {{"noise", "噪音扰民"},
       {"噪音", "噪声", "扰民", "吵", "夜里施工", "晚上施工", "夜间施工", "施工到", "打桩",
        "轰隆"}},
      {{"cooking_fumes", "餐饮油烟"}, {"油烟", "排烟"}},
      {{"garbage", "垃圾清运"}, {"垃圾"}},
      {{"road_damage", "道路破损"}, {"路面", "坑", "井盖", "塌陷", "开裂", "颠"}},
      {{"bus_service", "公交出行"}, {"公交", "班次", "站台"}},
      {{"school_traffic", "校园周边交通"},
       {"学校门口", "校门", "接送", "放学", "上下学", "过马路", "红绿灯"}},
      {{"school_places", "入学学位"}, {"入学", "学区", "学位", "划片"}},
      {{"medical_insurance", "医保报销"}, {"医保", "报销", "慢特病", "慢病"}},
      {{"elderly_meals", "老年助餐"}, {"助餐", "老年饭桌", "老年食堂", "社区食堂"}},
      {{"disability_benefit", "残疾人补贴"}, {"残疾"}},
      {{"unpaid_wages", "拖欠工资"}, {"工资", "工钱", "欠薪", "拖欠", "欠着钱", "还欠"}},
      {{"street_vending", "占道经营"}, {"占道", "摊贩", "小摊", "摆摊"}},
      {{"food_market", "菜市场"}, {"菜市场", "买菜", "卖菜"}},
      {{"riverside_safety", "滨河安全"}, {"野泳", "下河", "护栏", "栏杆"}},
      {{"sme_finance", "小微企业融资"}, {"融资", "贷款"}},
      {{"stray_dogs", "流浪犬"}, {"流浪狗", "狗"}},
      {{"ebike_charging", "电动车充电"}, {"电动车", "充电"}},
      {{"illegal_building", "违法建设"}, {"违章", "违建", "私搭", "私自盖", "彩钢房"}},
      {{"mobile_signal", "通信信号"}, {"信号", "4g", "5g"}},
      {{"public_toilet", "公厕"}, {"公厕", "厕所"}},
      {{"fitness_equipment", "健身设施"}, {"健身器材", "健身"}},
      {{"traffic_jam", "交通拥堵"}, {"堵", "拥堵", "双排停车"}},
      {{"construction_dust", "工地扬尘"}, {"扬尘", "尘土"}},
  };
  return entries;
}

}  // namespace

const std::vector<Category>& categories() {
  static const std::vector<Category> list = [] {
    std::vector<Category> out;
    for (const auto& e : lexicon())
      out.push_back(e.category);
    return out;
  }();
  return list;
}

std::vector<std::string_view> categories_of(std::string_view input) {
  const auto text = text::normalize(input);
  std::vector<std::string_view> out;
  for (const auto& e : lexicon()) {
    for (const auto kw : e.keywords) {
      if (text.find(kw) != std::string::npos) {
        out.push_back(e.category.code);
        break;
      }
    }
  }
  return out;
}

}  // namespace tongxin::cases

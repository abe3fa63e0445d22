-- Rules for the sources the outputs and meetings modules now provide (micro-suggestions,
-- excellent proposals, leaders' instructions on opinion reports; standing committee
-- meetings), added to the demo scheme that had left them out. Deployments with their own rule sets are untouched: the rows go only into
-- the demo set, version 1, when it is still the demo scheme.
INSERT INTO points_rules (rule_set_id, code, category, title, points, co_points, unit, yearly_cap, split, half_if_unregistered)
  SELECT id, 'micro_suggestion.accepted', 'suggestion', '微建议被采纳', 2, 1, '件', 20, 'first_author', {{false}}
  FROM points_rule_sets WHERE version = 1 AND name = '政协委员履职积分办法（示例方案）';
INSERT INTO points_rules (rule_set_id, code, category, title, points, co_points, unit, yearly_cap, split, half_if_unregistered)
  SELECT id, 'proposal.excellent', 'proposal', '提案被评为优秀提案', 5, 2, '件', NULL, 'first_author', {{false}}
  FROM points_rule_sets WHERE version = 1 AND name = '政协委员履职积分办法（示例方案）';
INSERT INTO points_rules (rule_set_id, code, category, title, points, co_points, unit, yearly_cap, split, half_if_unregistered)
  SELECT id, 'opinion.instructed', 'opinion', '社情民意信息获领导批示', 5, 2, '次', NULL, 'first_author', {{false}}
  FROM points_rule_sets WHERE version = 1 AND name = '政协委员履职积分办法（示例方案）';
INSERT INTO points_rules (rule_set_id, code, category, title, points, co_points, unit, yearly_cap, split, half_if_unregistered)
  SELECT id, 'meeting.standing', 'meeting', '出席常委会议', 3, 0, '次', NULL, 'each', {{true}}
  FROM points_rule_sets WHERE version = 1 AND name = '政协委员履职积分办法（示例方案）';
INSERT INTO points_rules (rule_set_id, code, category, title, points, co_points, unit, yearly_cap, split, half_if_unregistered)
  SELECT id, 'meeting.standing_absent', 'discipline', '无故缺席常委会议', -3, 0, '次', NULL, 'each', {{false}}
  FROM points_rule_sets WHERE version = 1 AND name = '政协委员履职积分办法（示例方案）';

-- Duty records and points (product.md §7, workflows.md §6): versioned rule sets, the
-- ledger (one entry per point, linked to its source; revoked with the source), yearly duty
-- reports (述职) and awards.
CREATE TABLE points_rule_sets (
  id {{id}},
  name {{text}} NOT NULL,
  version {{int}} NOT NULL,
  valid_from_year {{int}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  UNIQUE (version)
);

CREATE TABLE points_rules (
  id {{id}},
  rule_set_id {{bigint}} NOT NULL REFERENCES points_rule_sets(id),
  code {{text}} NOT NULL,
  category {{text}} NOT NULL,
  title {{text}} NOT NULL,
  points {{real}} NOT NULL,
  co_points {{real}} NOT NULL DEFAULT 0,
  unit {{text}} NOT NULL DEFAULT '次',
  yearly_cap {{real}},
  split {{text}} NOT NULL DEFAULT 'each' CHECK (split IN ('each', 'first_author', 'shared')),
  half_if_unregistered {{bool}} NOT NULL DEFAULT {{false}},
  UNIQUE (rule_set_id, code)
);

CREATE TABLE points_ledger (
  id {{id}},
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  year {{int}} NOT NULL,
  rule_id {{bigint}} NOT NULL REFERENCES points_rules(id),
  points {{real}} NOT NULL,
  source_type {{text}} NOT NULL,
  source_id {{bigint}} NOT NULL,
  occurred_on {{text}} NOT NULL,
  note {{text}} NOT NULL DEFAULT '',
  revoked_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  UNIQUE (member_id, rule_id, source_type, source_id)
);
CREATE INDEX points_ledger_member ON points_ledger (member_id, year);

CREATE TABLE duty_reports (
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  year {{int}} NOT NULL,
  text {{text}} NOT NULL,
  status {{text}} NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  updated_at {{bigint}} NOT NULL,
  submitted_at {{bigint}},
  PRIMARY KEY (member_id, year)
);

CREATE TABLE awards (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  year {{int}} NOT NULL,
  kind {{text}} NOT NULL CHECK (kind IN ('excellent_member', 'advanced_studio')),
  member_id {{bigint}} REFERENCES members(id),
  studio_id {{bigint}} REFERENCES studios(id),
  citation {{text}} NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL
);

-- The demo default: the points scheme of a city conference (modelled on published local
-- 委员履职量化积分办法; see docs/decisions/017). Sources not built yet (plenary attendance,
-- proposals, opinion reports) have their rules here already, so the scheme reads whole.
INSERT INTO points_rule_sets (name, version, valid_from_year, created_at)
  VALUES ('政协委员履职积分办法（示例方案）', 1, 2024, 0);
INSERT INTO points_rules (rule_set_id, code, category, title, points, co_points, unit, yearly_cap, split, half_if_unregistered) VALUES
  (1, 'meeting.plenary', 'meeting', '出席全体会议', 5, 0, '次', NULL, 'each', {{true}}),
  (1, 'meeting.absent', 'discipline', '无故缺席全体会议', -5, 0, '次', NULL, 'each', {{false}}),
  (1, 'proposal.registered', 'proposal', '提交提案被立案', 5, 1, '件', 30, 'first_author', {{false}}),
  (1, 'proposal.sector', 'proposal', '界别集体提案', 6, 0, '件', NULL, 'shared', {{false}}),
  (1, 'opinion.adopted', 'opinion', '社情民意信息被采用', 3, 1, '篇', 30, 'first_author', {{false}}),
  (1, 'activity.reception_day', 'contact', '参加委员接待日', 3, 0, '次', 24, 'each', {{false}}),
  (1, 'activity.visit', 'contact', '走访联系界别群众', 1, 0, '次', 20, 'each', {{false}}),
  (1, 'activity.talk', 'contact', '谈心谈话', 1, 0, '次', 10, 'each', {{false}}),
  (1, 'activity.briefing', 'activity', '政策宣讲', 2, 0, '次', 10, 'each', {{false}}),
  (1, 'activity.training', 'activity', '参加学习培训', 1, 0, '次', 6, 'each', {{true}}),
  (1, 'activity.reading', 'activity', '书香政协读书活动', 1, 0, '次', 6, 'each', {{false}}),
  (1, 'activity.inspection', 'activity', '参加视察调研', 3, 0, '次', 15, 'each', {{true}}),
  (1, 'activity.consultation', 'activity', '参加协商议事', 3, 0, '次', 15, 'each', {{true}}),
  (1, 'activity.service', 'activity', '公益服务活动', 2, 0, '次', 10, 'each', {{false}}),
  (1, 'activity.matchmaking', 'activity', '银企对接等服务发展活动', 2, 0, '次', 6, 'each', {{false}}),
  (1, 'activity.salon', 'activity', '委员沙龙', 1, 0, '次', 4, 'each', {{false}}),
  (1, 'case.closed', 'case', '办结群众诉求', 2, 0, '件', 30, 'each', {{false}}),
  (1, 'case.satisfied', 'case', '群众评价满意', 1, 0, '件', 10, 'each', {{false}}),
  (1, 'visit.overdue', 'discipline', '走访任务超期未完成', -1, 0, '项', NULL, 'each', {{false}});

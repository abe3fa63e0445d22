-- The organisation model (product.md §1–2): conferences in a tree, sectors, committees,
-- member groups, party units, members, studios and stations. Rows are archived, never
-- deleted. `path` on conferences ("/1/4/9/") makes "this conference and those below it"
-- one indexed prefix match. `search_key` holds name + pinyin initials + full pinyin.
CREATE TABLE conferences (
  id {{id}},
  name {{text}} NOT NULL,
  short_name {{text}} NOT NULL DEFAULT '',
  level {{text}} NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'county')),
  division_code {{text}} NOT NULL,
  parent_id {{bigint}} REFERENCES conferences(id),
  term {{int}} NOT NULL DEFAULT 1,
  path {{text}} NOT NULL DEFAULT '',
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX conferences_path ON conferences (path);

CREATE TABLE national_sectors (
  id {{id}},
  name {{text}} NOT NULL UNIQUE,
  sort_order {{int}} NOT NULL
);

CREATE TABLE sectors (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  name {{text}} NOT NULL,
  national_sector_id {{bigint}} REFERENCES national_sectors(id),
  sort_order {{int}} NOT NULL DEFAULT 0,
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX sectors_conference ON sectors (conference_id, id);

CREATE TABLE committees (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  name {{text}} NOT NULL,
  short_name {{text}} NOT NULL DEFAULT '',
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX committees_conference ON committees (conference_id, id);

CREATE TABLE member_groups (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  committee_id {{bigint}} NOT NULL REFERENCES committees(id),
  name {{text}} NOT NULL,
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX member_groups_committee ON member_groups (committee_id, id);

CREATE TABLE members (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  name {{text}} NOT NULL,
  gender {{text}} NOT NULL DEFAULT '',
  ethnicity {{text}} NOT NULL DEFAULT '',
  birth_year {{int}},
  sector_id {{bigint}} REFERENCES sectors(id),
  committee_id {{bigint}} REFERENCES committees(id),
  group_id {{bigint}} REFERENCES member_groups(id),
  work_unit {{text}} NOT NULL DEFAULT '',
  title {{text}} NOT NULL DEFAULT '',
  division_code {{text}},
  party {{text}} NOT NULL DEFAULT 'none',
  posts {{json}} NOT NULL DEFAULT '[]',
  term {{int}} NOT NULL DEFAULT 1,
  expertise {{json}} NOT NULL DEFAULT '[]',
  resources {{json}} NOT NULL DEFAULT '[]',
  entrepreneur {{bool}} NOT NULL DEFAULT {{false}},
  expert {{bool}} NOT NULL DEFAULT {{false}},
  bio {{text}} NOT NULL DEFAULT '',
  photo_url {{text}} NOT NULL DEFAULT '',
  is_public {{bool}} NOT NULL DEFAULT {{true}},
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX members_conference ON members (conference_id, id);
CREATE INDEX members_sector ON members (sector_id, id);

CREATE TABLE party_units (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  kind {{text}} NOT NULL CHECK (kind IN ('party_group', 'branch', 'cell')),
  name {{text}} NOT NULL,
  committee_id {{bigint}} REFERENCES committees(id),
  sector_id {{bigint}} REFERENCES sectors(id),
  party_liaison_member_id {{bigint}} REFERENCES members(id),
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);

CREATE TABLE studios (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  name {{text}} NOT NULL,
  kind {{text}} NOT NULL CHECK (kind IN ('studio', 'station')),
  mode {{text}} NOT NULL CHECK (mode IN ('sector', 'street', 'party', 'industry', 'task')),
  address {{text}} NOT NULL DEFAULT '',
  division_code {{text}} NOT NULL,
  lat {{real}},
  lng {{real}},
  first_convenor_member_id {{bigint}} REFERENCES members(id),
  second_convenor_member_id {{bigint}} REFERENCES members(id),
  liaison_member_id {{bigint}} REFERENCES members(id),
  liaison_committee_id {{bigint}} REFERENCES committees(id),
  opening_rules {{text}} NOT NULL DEFAULT '',
  phone {{text}} NOT NULL DEFAULT '',
  description {{text}} NOT NULL DEFAULT '',
  standards_checklist {{json}} NOT NULL DEFAULT '{}',
  status {{text}} NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'under_review', 'rectifying', 'archived')),
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX studios_conference ON studios (conference_id, id);
CREATE INDEX studios_division ON studios (division_code);

CREATE TABLE studio_members (
  studio_id {{bigint}} NOT NULL REFERENCES studios(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  joined_at {{bigint}} NOT NULL,
  PRIMARY KEY (studio_id, member_id)
);
CREATE INDEX studio_members_member ON studio_members (member_id);

-- The 34 sectors of the 14th CPPCC National Committee (2023–2028).
INSERT INTO national_sectors (name, sort_order) VALUES
  ('中国共产党', 1), ('中国国民党革命委员会', 2), ('中国民主同盟', 3), ('中国民主建国会', 4),
  ('中国民主促进会', 5), ('中国农工民主党', 6), ('中国致公党', 7), ('九三学社', 8),
  ('台湾民主自治同盟', 9), ('无党派人士', 10), ('中华全国总工会', 11),
  ('中华全国妇女联合会', 12), ('中国共产主义青年团和中华全国青年联合会', 13),
  ('中华全国工商业联合会', 14), ('中国科学技术协会', 15), ('中华全国台湾同胞联谊会', 16),
  ('中华全国归国华侨联合会', 17), ('文化艺术界', 18), ('科学技术界', 19), ('社会科学界', 20),
  ('经济界', 21), ('农业界', 22), ('环境资源界', 23), ('教育界', 24), ('体育界', 25),
  ('新闻出版界', 26), ('医药卫生界', 27), ('对外友好界', 28), ('社会福利和社会保障界', 29),
  ('少数民族界', 30), ('宗教界', 31), ('特邀香港人士', 32), ('特邀澳门人士', 33),
  ('特别邀请人士', 34);

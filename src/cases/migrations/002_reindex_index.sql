-- Finds rows indexed by an older analyzer (cases::reindex_stale) without a scan.
CREATE INDEX cases_analyzer_version ON cases (analyzer_version);

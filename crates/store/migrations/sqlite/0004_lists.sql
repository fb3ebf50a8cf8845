-- Forming the list of professions in demand: the coordinating organisations, the lists with
-- their revisions and entries, the opinions and proposals of the coordinating organisations,
-- approval and publication.

-- Ministries, the akimat of each region, and the National Chamber of Entrepreneurs "Atameken".
-- A coordinator scoped to a region speaks for that region's akimat; other coordinators are
-- assigned to an organisation in body_members.
CREATE TABLE coordination_bodies (
    code    TEXT PRIMARY KEY,
    kind    TEXT NOT NULL,                 -- ministry | akimat | chamber
    region  TEXT,                          -- the akimat's region
    name_en TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_kk TEXT NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE body_members (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    body    TEXT NOT NULL REFERENCES coordination_bodies (code)
);

CREATE TABLE lists (
    id               INTEGER PRIMARY KEY,
    period           INTEGER NOT NULL,      -- the reference year of the data
    status           TEXT NOT NULL,        -- draft | in_coordination | approved | published
    revision         INTEGER NOT NULL,      -- the current revision
    coordinated      INTEGER NOT NULL DEFAULT 0,
    methodology_from TEXT NOT NULL,        -- the methodology version used (its "from" date)
    policy_edition   TEXT NOT NULL,
    benchmarks       TEXT NOT NULL,        -- JSON
    created_by       TEXT NOT NULL,
    created_at_us    INTEGER NOT NULL,
    order_no         TEXT,
    order_date       TEXT,
    approved_by      TEXT,
    approved_at_us   INTEGER,
    effective_from   TEXT,
    published_by     TEXT,
    published_at_us  INTEGER
);

CREATE TABLE list_revisions (
    list_id       INTEGER NOT NULL REFERENCES lists (id),
    revision      INTEGER NOT NULL,
    note          TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    sent_at_us    INTEGER,
    PRIMARY KEY (list_id, revision)
);

-- Every candidate of the universe, per revision: rank and score (the ranking of valuable
-- skills), whether it is on the list, and why (computed, or added/removed by a revision).
CREATE TABLE list_entries (
    list_id       INTEGER NOT NULL,
    revision      INTEGER NOT NULL,
    occupation    TEXT NOT NULL,
    rank          INTEGER NOT NULL,
    score_x100    INTEGER NOT NULL,
    included      INTEGER NOT NULL,
    sector        TEXT,
    basis         TEXT NOT NULL,           -- computed | added | removed
    justification TEXT,
    detail        TEXT NOT NULL,           -- JSON: indicators, checks, reasons
    PRIMARY KEY (list_id, revision, occupation)
);

-- Regional indicators of each candidate, for akimats' views and the public charts.
CREATE TABLE list_regional (
    list_id    INTEGER NOT NULL,
    region     TEXT NOT NULL,
    occupation TEXT NOT NULL,
    indicators TEXT NOT NULL,              -- JSON
    PRIMARY KEY (list_id, region, occupation)
);

CREATE TABLE list_recipients (
    list_id  INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    body     TEXT NOT NULL REFERENCES coordination_bodies (code),
    PRIMARY KEY (list_id, revision, body)
);

CREATE TABLE opinions (
    id            INTEGER PRIMARY KEY,
    list_id       INTEGER NOT NULL REFERENCES lists (id),
    revision      INTEGER NOT NULL,
    body          TEXT NOT NULL REFERENCES coordination_bodies (code),
    verdict       TEXT NOT NULL,           -- agree | agree_with_remarks | object
    remarks       TEXT NOT NULL,
    user_id       INTEGER,
    username      TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    UNIQUE (list_id, revision, body)
);

CREATE TABLE proposals (
    opinion_id    INTEGER NOT NULL REFERENCES opinions (id),
    occupation    TEXT NOT NULL,
    change        TEXT NOT NULL,           -- add | remove
    justification TEXT NOT NULL,
    PRIMARY KEY (opinion_id, occupation)
);

INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('moh', 'ministry', NULL, 'Ministry of Health', 'Министерство здравоохранения', 'Денсаулық сақтау министрлігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('moe', 'ministry', NULL, 'Ministry of Enlightenment', 'Министерство просвещения', 'Оқу-ағарту министрлігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('mshe', 'ministry', NULL, 'Ministry of Science and Higher Education', 'Министерство науки и высшего образования', 'Ғылым және жоғары білім министрлігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('mdai', 'ministry', NULL, 'Ministry of Digital Development, Innovation and Aerospace Industry', 'Министерство цифрового развития, инноваций и аэрокосмической промышленности', 'Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('mia', 'ministry', NULL, 'Ministry of Internal Affairs (Migration Service)', 'Министерство внутренних дел (миграционная служба)', 'Ішкі істер министрлігі (көші-қон қызметі)');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('mne', 'ministry', NULL, 'Ministry of National Economy', 'Министерство национальной экономики', 'Ұлттық экономика министрлігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('atameken', 'chamber', NULL, 'National Chamber of Entrepreneurs "Atameken"', 'Национальная палата предпринимателей «Атамекен»', '«Атамекен» Ұлттық кәсіпкерлер палатасы');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-10', 'akimat', 'KZ-10', 'Akimat of Abai Region', 'Акимат Абайской области', 'Абай облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-11', 'akimat', 'KZ-11', 'Akimat of Akmola Region', 'Акимат Акмолинской области', 'Ақмола облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-15', 'akimat', 'KZ-15', 'Akimat of Aktobe Region', 'Акимат Актюбинской области', 'Ақтөбе облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-19', 'akimat', 'KZ-19', 'Akimat of Almaty Region', 'Акимат Алматинской области', 'Алматы облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-23', 'akimat', 'KZ-23', 'Akimat of Atyrau Region', 'Акимат Атырауской области', 'Атырау облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-27', 'akimat', 'KZ-27', 'Akimat of West Kazakhstan Region', 'Акимат Западно-Казахстанской области', 'Батыс Қазақстан облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-31', 'akimat', 'KZ-31', 'Akimat of Zhambyl Region', 'Акимат Жамбылской области', 'Жамбыл облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-33', 'akimat', 'KZ-33', 'Akimat of Zhetisu Region', 'Акимат Жетысуской области', 'Жетісу облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-35', 'akimat', 'KZ-35', 'Akimat of Karaganda Region', 'Акимат Карагандинской области', 'Қарағанды облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-39', 'akimat', 'KZ-39', 'Akimat of Kostanay Region', 'Акимат Костанайской области', 'Қостанай облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-43', 'akimat', 'KZ-43', 'Akimat of Kyzylorda Region', 'Акимат Кызылординской области', 'Қызылорда облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-47', 'akimat', 'KZ-47', 'Akimat of Mangystau Region', 'Акимат Мангистауской области', 'Маңғыстау облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-55', 'akimat', 'KZ-55', 'Akimat of Pavlodar Region', 'Акимат Павлодарской области', 'Павлодар облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-59', 'akimat', 'KZ-59', 'Akimat of North Kazakhstan Region', 'Акимат Северо-Казахстанской области', 'Солтүстік Қазақстан облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-61', 'akimat', 'KZ-61', 'Akimat of Turkistan Region', 'Акимат Туркестанской области', 'Түркістан облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-62', 'akimat', 'KZ-62', 'Akimat of Ulytau Region', 'Акимат Улытауской области', 'Ұлытау облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-63', 'akimat', 'KZ-63', 'Akimat of East Kazakhstan Region', 'Акимат Восточно-Казахстанской области', 'Шығыс Қазақстан облысы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-71', 'akimat', 'KZ-71', 'Akimat of Astana', 'Акимат города Астаны', 'Астана қаласы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-75', 'akimat', 'KZ-75', 'Akimat of Almaty', 'Акимат города Алматы', 'Алматы қаласы әкімдігі');
INSERT INTO coordination_bodies (code, kind, region, name_en, name_ru, name_kk) VALUES ('akimat-kz-79', 'akimat', 'KZ-79', 'Akimat of Shymkent', 'Акимат города Шымкента', 'Шымкент қаласы әкімдігі');

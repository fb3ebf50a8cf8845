-- Evidence: one row per document described, the file's bytes stored once per case beside them.
-- Two documents scanned into one file (a bank certificate and a diploma in one PDF) are two rows
-- over the same bytes; the same document with the same file again changes nothing.
CREATE TABLE case_files (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    sha256  TEXT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (case_id, sha256)
);

INSERT INTO case_files (case_id, sha256, content) SELECT case_id, sha256, content FROM case_evidence;

ALTER TABLE case_evidence DROP CONSTRAINT case_evidence_case_id_sha256_key;
ALTER TABLE case_evidence DROP COLUMN content;
ALTER TABLE case_evidence ADD UNIQUE (case_id, document_type, number, sha256);
ALTER TABLE case_evidence ADD FOREIGN KEY (case_id, sha256) REFERENCES case_files (case_id, sha256);

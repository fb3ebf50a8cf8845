-- Evidence: one row per document described, the file's bytes stored once per case beside them.
-- Two documents scanned into one file (a bank certificate and a diploma in one PDF) are two rows
-- over the same bytes; the same document with the same file again changes nothing.
CREATE TABLE case_files (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    sha256  TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (case_id, sha256)
);

INSERT INTO case_files (case_id, sha256, content) SELECT case_id, sha256, content FROM case_evidence;

CREATE TABLE case_evidence_documents (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    document_type  TEXT NOT NULL,
    number         TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    issued_on      TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    uploaded_by    TEXT NOT NULL,
    uploaded_at_us INTEGER NOT NULL,
    UNIQUE (case_id, document_type, number, sha256),
    FOREIGN KEY (case_id, sha256) REFERENCES case_files (case_id, sha256)
);

INSERT INTO case_evidence_documents (id, case_id, document_type, number, issuer, issued_on, file_name, media_type,
    size_bytes, sha256, uploaded_by, uploaded_at_us)
SELECT id, case_id, document_type, number, issuer, issued_on, file_name, media_type, size_bytes, sha256, uploaded_by,
    uploaded_at_us
FROM case_evidence;

DROP TABLE case_evidence;

ALTER TABLE case_evidence_documents RENAME TO case_evidence;

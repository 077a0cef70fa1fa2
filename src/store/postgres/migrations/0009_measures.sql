-- Version 9 (measures): the item wording of validated questionnaires, as a clinic holds it,
-- loaded by the operator with `attune measures import FILE`. It is operator content, the
-- same for everyone and about no one, so it is stored readable (like the content library),
-- in the database so that every replica and every backup has it. People's answers are
-- entries (sealed under their own key) and never stored here.
CREATE TABLE measure_item_texts (
  measure_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  text TEXT NOT NULL,
  low_label TEXT NOT NULL,
  high_label TEXT NOT NULL,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (measure_id, item_id)
);

-- design_features follows designs: a pending row with every new design (statement-level, so bulk inserts
-- cost one INSERT ... SELECT), with the creator's number (insight_creators) and the remixed design's
-- creator, both fixed for good; later, the fields insights read that can change. Edits of the words make
-- the row pending again so that its keywords are recomputed (insights/features.ts).
CREATE FUNCTION design_features_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- In id order: concurrent bulk inserts then take the creators' index locks in one order (no deadlock).
  INSERT INTO insight_creators (creator_id)
  SELECT DISTINCT creator_id FROM added ORDER BY creator_id ON CONFLICT DO NOTHING;
  INSERT INTO design_features (design_id, pack_id, pack_version, creator_id, creator_number, parent_id,
    parent_creator_id, status, votes, created_at)
  SELECT a.id, a.pack_id, a.pack_version, a.creator_id, n.number, a.parent_id, p.creator_id, a.status, a.votes,
    a.created_at
  FROM added a JOIN insight_creators n ON n.creator_id = a.creator_id LEFT JOIN designs p ON p.id = a.parent_id
  ON CONFLICT (design_id) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER design_features_insert AFTER INSERT ON designs
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION design_features_on_insert();
--> statement-breakpoint
CREATE FUNCTION design_features_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reworded boolean := OLD.to_ten IS DISTINCT FROM NEW.to_ten OR OLD.wish IS DISTINCT FROM NEW.wish;
BEGIN
  UPDATE design_features
  SET status = NEW.status,
      votes = NEW.votes,
      created_at = NEW.created_at,
      pending = pending OR reworded,
      revision = revision + CASE WHEN reworded THEN 1 ELSE 0 END
  WHERE design_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER design_features_update AFTER UPDATE OF status, votes, to_ten, wish, created_at ON designs
FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.votes IS DISTINCT FROM NEW.votes
  OR OLD.to_ten IS DISTINCT FROM NEW.to_ten OR OLD.wish IS DISTINCT FROM NEW.wish
  OR OLD.created_at IS DISTINCT FROM NEW.created_at
) EXECUTE FUNCTION design_features_on_update();
--> statement-breakpoint
-- Designs stored before this migration: pending rows, filled by the first insight that reads their pack.
INSERT INTO insight_creators (creator_id) SELECT DISTINCT creator_id FROM designs ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO design_features (design_id, pack_id, pack_version, creator_id, creator_number, parent_id,
  parent_creator_id, status, votes, created_at)
SELECT d.id, d.pack_id, d.pack_version, d.creator_id, n.number, d.parent_id, p.creator_id, d.status, d.votes,
  d.created_at
FROM designs d JOIN insight_creators n ON n.creator_id = d.creator_id LEFT JOIN designs p ON p.id = d.parent_id
ON CONFLICT (design_id) DO NOTHING;

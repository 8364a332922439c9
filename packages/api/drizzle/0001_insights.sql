CREATE TABLE "design_features" (
	"design_id" text PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"pack_version" text NOT NULL,
	"creator_id" text NOT NULL,
	"creator_number" integer NOT NULL,
	"parent_id" text,
	"parent_creator_id" text,
	"status" text NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"codes" "bytea",
	"wish_terms" text[],
	"to_ten_terms" text[],
	"pending" boolean DEFAULT true NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_creators" (
	"creator_id" text PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "insight_creators_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	CONSTRAINT "insight_creators_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "terms" text[];--> statement-breakpoint
ALTER TABLE "design_features" ADD CONSTRAINT "design_features_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_creators" ADD CONSTRAINT "insight_creators_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "design_features_pack_created" ON "design_features" USING btree ("pack_id","created_at");--> statement-breakpoint
CREATE INDEX "design_features_pending" ON "design_features" USING btree ("pack_id") WHERE "design_features"."pending";--> statement-breakpoint
CREATE INDEX "design_features_remixes" ON "design_features" USING btree ("pack_id","created_at") WHERE "design_features"."parent_creator_id" is not null;--> statement-breakpoint
CREATE INDEX "signals_pack_kind_created" ON "signals" USING btree ("pack_id","kind","created_at");
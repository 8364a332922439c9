CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"role" text NOT NULL,
	"namespace" text,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "challenge_winners" (
	"challenge_id" text NOT NULL,
	"design_id" text NOT NULL,
	"rank" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "challenge_winners_challenge_id_design_id_pk" PRIMARY KEY("challenge_id","design_id")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"title" text NOT NULL,
	"brief" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" text PRIMARY KEY NOT NULL,
	"design_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creators" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creators_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "design_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"design_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "design_values" (
	"design_id" text NOT NULL,
	"pack_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"variable" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "design_values_design_id_variable_pk" PRIMARY KEY("design_id","variable")
);
--> statement-breakpoint
CREATE TABLE "designs" (
	"id" text PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"pack_version" text NOT NULL,
	"creator_id" text NOT NULL,
	"title" text NOT NULL,
	"story" text NOT NULL,
	"fit" smallint NOT NULL,
	"to_ten" text NOT NULL,
	"wish" text,
	"choices" jsonb NOT NULL,
	"price" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"lead_time" integer NOT NULL,
	"bom" jsonb NOT NULL,
	"thumbnail" "bytea",
	"thumbnail_type" text,
	"licence" text NOT NULL,
	"parent_id" text,
	"challenge_id" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"remixes" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency" (
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"namespace" text NOT NULL,
	"body" jsonb NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packs_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"pack_version" text NOT NULL,
	"kind" text NOT NULL,
	"wanted" text,
	"blocked_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"constraints" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text,
	"session" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"design_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_design_id_creator_id_pk" PRIMARY KEY("design_id","creator_id")
);
--> statement-breakpoint
ALTER TABLE "challenge_winners" ADD CONSTRAINT "challenge_winners_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_winners" ADD CONSTRAINT "challenge_winners_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_history" ADD CONSTRAINT "design_history_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_values" ADD CONSTRAINT "design_values_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designs" ADD CONSTRAINT "designs_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_design_id_designs_id_fk" FOREIGN KEY ("design_id") REFERENCES "public"."designs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_creator_id_creators_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenges_pack" ON "challenges" USING btree ("pack_id");--> statement-breakpoint
CREATE INDEX "comments_design" ON "comments" USING btree ("design_id","created_at");--> statement-breakpoint
CREATE INDEX "design_history_design" ON "design_history" USING btree ("design_id","id");--> statement-breakpoint
CREATE INDEX "design_values_pack" ON "design_values" USING btree ("pack_id","created_at");--> statement-breakpoint
CREATE INDEX "designs_pack_created" ON "designs" USING btree ("pack_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "designs_created" ON "designs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "designs_creator" ON "designs" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "designs_status" ON "designs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "designs_challenge" ON "designs" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "designs_parent" ON "designs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "designs_votes" ON "designs" USING btree ("votes" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_key" ON "idempotency" USING btree ("key");--> statement-breakpoint
CREATE INDEX "packs_namespace" ON "packs" USING btree ("namespace");--> statement-breakpoint
CREATE INDEX "signals_pack_created" ON "signals" USING btree ("pack_id","created_at");
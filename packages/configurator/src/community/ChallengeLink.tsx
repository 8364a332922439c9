import { useEffect, useState } from "react";
import { Link } from "wouter";
import { community } from "./api.ts";

/** A link to a challenge, named by its title once that has loaded. */
export function ChallengeLink({ id }: { id: string }) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    community.challenge(id).then(
      (c) => live && setTitle(c.title),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id]);
  return <Link href={`/challenges/${id}`}>{title ?? id}</Link>;
}

import type { Random } from "./random.ts";

/** The words of seeded designs and wishes: templates mixed with the pack's own labels, so themes recur. */

const MOODS = ["Cosy", "Minimal", "Bold", "Quiet", "Sunny", "Compact", "Grand", "Nordic", "Urban", "Playful"];
const PLACES = ["living room", "home office", "hallway", "studio flat", "kids' room", "workshop", "shop", "loft"];
const MATERIALS = ["walnut", "cherry", "brass", "copper", "bamboo", "linen", "velvet", "recycled plastic", "cork"];
const GENERAL = [
  "Soft-close drawers would be great",
  "Cheaper delivery to the islands",
  "A matching side table",
  "Faster delivery, I waited too long",
  "Recycled materials everywhere",
  "Child safety locks",
  "A longer warranty",
  "Integrated wireless charging",
  "Curved corners for small kids",
  "A darker walnut finish",
  "More colours please",
  "Assembly video in German",
];

export function title(random: Random, packName: string): string {
  return `${random.pick(MOODS)} ${packName.toLowerCase()}`;
}

export function story(random: Random): string {
  return `For our ${random.pick(PLACES)}: it has to fit ${random.pick(["a sloped ceiling", "a radiator", "two doors", "a tiny corner", "everything we own"])}.`;
}

/** A wish in a customer's words, about one of the pack's variables or something general. */
export function wish(random: Random, labels: readonly string[]): string {
  const label = random.pick(labels).toLowerCase();
  switch (random.int(6)) {
    case 0:
      return `${cap(label)} in ${random.pick(MATERIALS)}`;
    case 1:
      return `More ${label} options, maybe ${random.pick(MATERIALS)}`;
    case 2:
      return `A cheaper ${label}`;
    case 3:
      return `I wish the ${label} came in ${random.pick(MATERIALS)}`;
    default:
      return random.pick(GENERAL);
  }
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

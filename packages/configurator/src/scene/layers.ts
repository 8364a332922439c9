import { Layers } from "three";

/**
 * The three.js layer of the room around the product (a pack's `backdrop` parts). The camera and the pointer
 * see it; the contact shadow's camera, which sees only the default layer, leaves it out.
 */
export const BACKDROP_LAYER = 1;

/** Layers to give a backdrop part: the backdrop layer only. */
export const backdropLayers = new Layers();
backdropLayers.set(BACKDROP_LAYER);

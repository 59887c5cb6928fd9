// Learned record shapes of a JSON file: most JSON logs write the same keys in the same order in every record.
// The first record of a shape is walked generically; its shape (keys in order, and for each value whether it
// is skipped (null), a scalar, an array, a nested object or an object kept as JSON text) is learned with every
// per-shape decision made once: each leaf's data.* field name, which leaves share a name, and what the common
// keys (time, message, user, ip...) map to (common.ts planCommonKeys). A later record of the same shape only
// has its values read in key order; a record that differs anywhere becomes the next learned shape (or, past
// the bounds, takes the generic walk in the parser). Output is identical to flattenInto + applyCommonKeys (test/parsers/extract/jsonShape.test.ts).
// Bounded (keys are log text): MAX_SHAPES kept, MAX_LEARNED learned per file, MAX_LEAVES leaves per shape.
import type { EventFields } from '../../core/schema.ts';
import type { TimeSettings } from '../../core/time.ts';
import { applyCommonPlan, planCommonKeys, type CommonKeyPlan } from './common.ts';
import { isObject, MAX_FLATTEN_DEPTH, stringifySafe, text, type JsonObject } from './json.ts';

const MAX_SHAPES = 8;
const MAX_LEAVES = 512;
/** shapes learned per file at most (a file whose every record differs walks generically after that) */
const MAX_LEARNED = 256;

// what a key's value is in a shape
const SKIP = 0, SCALAR = 1, ARRAY = 2, NESTED = 3, OPAQUE = 4;

interface ShapeNode {
  keys: string[];
  kinds: number[];
  /** the nested object's shape, for NESTED keys */
  children: (ShapeNode | undefined)[];
}

interface Shape {
  root: ShapeNode;
  /** distinct field names in first-use order (as the event object lists them) */
  names: string[];
  /** per distinct name, the leaf (value position) that gives its value: the last leaf with that name */
  leafOf: number[];
  plan: CommonKeyPlan;
}

/** Per file: the shapes learned so far (most recently used first). */
export class JsonShapes {
  private readonly shapes: Shape[] = [];
  /** values of the record being read, in leaf order (reused) */
  private readonly values: string[] = [];
  /** shapes learned: a file whose records keep changing shape stops learning (each shape costs a walk and a plan) */
  private learned = 0;

  constructor(private readonly prefix = 'data.') {}

  /**
   * `o` flattened under the prefix into a new event with the common keys applied, through a learned shape;
   * undefined when the record fits none and no more shapes are learned (the caller walks it generically).
   */
  read(o: JsonObject, settings: TimeSettings): EventFields | undefined {
    const values = this.values;
    for (let s = 0; s < this.shapes.length; s++) {
      const shape = this.shapes[s];
      values.length = 0;
      if (!readValues(shape.root, o, values)) continue;
      if (s > 0) {
        // the shape in use goes first: mixed files usually alternate among few shapes
        this.shapes.splice(s, 1);
        this.shapes.unshift(shape);
      }
      return fill(shape, values, settings);
    }
    if (this.learned >= MAX_LEARNED) return undefined;
    this.learned++;
    const shape = learn(o, this.prefix);
    if (shape === undefined) return undefined;
    if (this.shapes.length === MAX_SHAPES) this.shapes.pop();
    this.shapes.unshift(shape);
    values.length = 0;
    // for-in (readValues) and Object.keys (learn) list the same keys unless something enumerable was added to
    // Object.prototype: then the record is walked generically rather than read wrongly
    if (!readValues(shape.root, o, values)) return undefined;
    return fill(shape, values, settings);
  }
}

function fill(shape: Shape, values: readonly string[], settings: TimeSettings): EventFields {
  const ev: EventFields = {};
  const names = shape.names, leafOf = shape.leafOf;
  const own = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const v = values[leafOf[i]];
    ev[names[i]] = v;
    own[i] = v;
  }
  applyCommonPlan(ev, shape.plan, own, settings);
  return ev;
}

/** Reads o's values in the shape's leaf order into out; false as soon as o differs from the shape. */
function readValues(node: ShapeNode, o: JsonObject, out: string[]): boolean {
  const keys = node.keys, kinds = node.kinds;
  let i = 0;
  for (const k in o) {
    if (i === keys.length || k !== keys[i]) return false;
    const v = o[k];
    switch (kinds[i]) {
      case SKIP:
        if (v !== null && v !== undefined) return false;
        break;
      case SCALAR: {
        const t = text(v);
        if (t === undefined) return false;
        out.push(t);
        break;
      }
      case ARRAY:
        if (!Array.isArray(v)) return false;
        out.push(stringifySafe(v));
        break;
      case NESTED:
        if (!isObject(v) || !readValues(node.children[i] as ShapeNode, v, out)) return false;
        break;
      default:
        if (!isObject(v)) return false;
        out.push(stringifySafe(v));
    }
    i++;
  }
  return i === keys.length;
}

/** The shape of o, or undefined when it has too many leaves to be worth keeping. */
function learn(o: JsonObject, prefix: string): Shape | undefined {
  const leafNames: string[] = [];
  const root = learnNode(o, prefix, MAX_FLATTEN_DEPTH, leafNames);
  if (root === undefined) return undefined;
  const first = new Map<string, number>();
  const names: string[] = [];
  const leafOf: number[] = [];
  leafNames.forEach((name, leaf) => {
    const at = first.get(name);
    if (at === undefined) {
      first.set(name, names.length);
      names.push(name);
      leafOf.push(leaf);
    } else leafOf[at] = leaf; // a later leaf of the same name overwrites the value, not the position
  });
  return { root, names, leafOf, plan: planCommonKeys(names.map((n) => n.slice(prefix.length))) };
}

function learnNode(o: JsonObject, prefix: string, depth: number, leafNames: string[]): ShapeNode | undefined {
  const node: ShapeNode = { keys: [], kinds: [], children: [] };
  for (const k of Object.keys(o)) {
    const v = o[k];
    let kind: number, child: ShapeNode | undefined;
    if (v === null || v === undefined) kind = SKIP;
    else if (Array.isArray(v)) kind = ARRAY;
    else if (isObject(v)) {
      if (depth > 1) {
        kind = NESTED;
        child = learnNode(v, `${prefix}${k}.`, depth - 1, leafNames);
        if (child === undefined) return undefined;
      } else kind = OPAQUE;
    } else kind = text(v) === undefined ? -1 : SCALAR;
    if (kind < 0) return undefined;
    if (kind !== SKIP && kind !== NESTED) leafNames.push(prefix + k);
    if (leafNames.length > MAX_LEAVES) return undefined;
    node.keys.push(k);
    node.kinds.push(kind);
    node.children.push(child);
  }
  return node;
}

// Where an element of a record sits decides the fields it gives (the naming rules of fields.ts): walk.ts asks
// place() for each element, which says the role its children get and what the element contributes.
import { Section } from './fields.ts';
import type { Plan } from './plan.ts';

// roles: where an element sits
export const R_ROOT = 0, R_SECTION = 1, R_SYS = 2, R_ED = 3, R_LEAF = 4, R_NONE = 5;
// what an element contributes once its children are read
export const K_NONE = 0, K_SYS = 1, K_DATA = 2, K_EDOTHER = 3, K_LEAF = 4, K_EDSECTION = 5;

/** place() packs the children's role in the low bits and the element's kind above them (no object per element). */
export const ROLE_MASK = 7, KIND_SHIFT = 3;

/** What place() remembers across one record's elements. */
export interface Placing {
  eventSeen: boolean;
  sawOtherSection: boolean;
  /** System came after another section: the walker rebuilds the fields from the tree */
  systemLate: boolean;
}

export function newPlacing(): Placing {
  return { eventSeen: false, sawOtherSection: false, systemLate: false };
}

/** The role of the element's children and the element's kind, packed (see ROLE_MASK, KIND_SHIFT). */
export function place(role: number, plan: Plan, state: Placing): number {
  let childRole = R_NONE, kind = K_NONE;
  switch (role) {
    case R_ROOT:
      if (!state.eventSeen) {
        state.eventSeen = true;
        childRole = R_SECTION;
      }
      break;
    case R_SECTION:
      if (plan.section === Section.System) {
        if (state.sawOtherSection) state.systemLate = true;
        childRole = R_SYS;
      } else {
        state.sawOtherSection = true;
        if (plan.section === Section.EventData) {
          childRole = R_ED;
          kind = K_EDSECTION;
        } else if (plan.section === Section.Container) childRole = R_LEAF;
        else {
          kind = K_LEAF;
          childRole = R_LEAF;
        }
      }
      break;
    case R_SYS: kind = K_SYS; break;
    case R_ED: kind = plan.isData ? K_DATA : K_EDOTHER; break;
    case R_LEAF:
      kind = K_LEAF;
      childRole = R_LEAF;
      break;
  }
  return childRole | (kind << KIND_SHIFT);
}

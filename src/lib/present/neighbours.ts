/**
 * What an indicator page says about its statistical neighbours (content format 1.1, rule 9):
 * which councils they are, who chose them, and that the figure is their mean. Pure: the group was
 * resolved when the content was loaded (content/neighbours.ts).
 */
import type { NeighbourGroup } from '../model';

export interface NeighboursText {
  /** The sentence before the list, or the whole statement when no list can be given. */
  lead: string;
  /** The councils' names, in the group's order; empty when site.yaml does not say. */
  members: string[];
  /** Where the list comes from, as site.yaml or DfE's file names it. */
  source?: string;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const inWords = (n: number) => NUMBER_WORDS[n] ?? String(n);

/**
 * `sentence` is how the site names the group mid-sentence ("statistical neighbours"), `council`
 * the site's council, whose list it may be.
 */
export function neighboursText(group: NeighbourGroup | undefined, sentence: string, council: string): NeighboursText {
  if (!group) {
    return {
      lead: `The figure for ${sentence} is the mean of the figures of the councils most like ${council}. This site does not say which councils they are.`,
      members: [],
    };
  }
  const count = inWords(group.members.length);
  const who = group.chosenBy === 'dfe' ? `The Department for Education chose them for ${council}, closest first` : `${council} chose them`;
  return {
    lead: `The figure for ${sentence} is the mean of these ${count} councils' figures, leaving out any council with no figure for the year. ${who}:`,
    members: group.members.map((m) => m.name),
    ...(group.source && { source: group.source }),
  };
}

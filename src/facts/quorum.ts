/**
 * The quorum of a séance: the number of members it states (`seance.quorum`, as the act writes it),
 * else the majority of the members in office (CGCT L. 2121-17: more than half).
 *
 * @example
 * quorumOf({ membres_en_exercice: 29 }) // 15
 * quorumOf({ membres_en_exercice: 29, quorum: 10 }) // 10
 */
export function quorumOf(seance: { readonly membres_en_exercice: number; readonly quorum?: number }): number {
  return seance.quorum ?? Math.floor(seance.membres_en_exercice / 2) + 1;
}

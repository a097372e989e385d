import type { MoveTarget } from './schema'

interface LocationLike { id: string; name?: string; exits?: Array<{ to: string; name?: string }> }

/**
 * Every location reachable from the seeds, walking exits breadth-first through `GET /api/game/world/{id}`
 * (one level of requests at a time). The admin API has no location list, and the world is small (the
 * Thornwall pack has 21 places); `limit` bounds a larger one. A location that fails to load still counts,
 * named by what its neighbour's exit says.
 */
export async function crawlWorld(
  seeds: string[],
  fetchLocation: (id: string) => Promise<LocationLike>,
  limit = 300,
): Promise<MoveTarget[]> {
  const names = new Map<string, string>()
  const seen = new Set<string>()
  let frontier = [...new Set(seeds.filter(Boolean))]
  frontier.forEach((id) => seen.add(id))
  while (frontier.length > 0) {
    const results = await Promise.allSettled(frontier.map((id) => fetchLocation(id)))
    const nextLevel: string[] = []
    results.forEach((r, i) => {
      const id = frontier[i]!
      if (r.status !== 'fulfilled') {
        if (!names.has(id)) names.set(id, id)
        return
      }
      names.set(id, r.value.name ?? id)
      for (const exit of r.value.exits ?? []) {
        if (!exit.to) continue
        if (!names.has(exit.to)) names.set(exit.to, exit.name ?? exit.to)
        if (!seen.has(exit.to) && seen.size < limit) {
          seen.add(exit.to)
          nextLevel.push(exit.to)
        }
      }
    })
    frontier = nextLevel
  }
  return sortTargets([...names].map(([id, name]) => ({ id, name })))
}

export function sortTargets(targets: MoveTarget[]): MoveTarget[] {
  return [...targets].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** Union by id; earlier lists win on the name. */
export function mergeTargets(...lists: Array<MoveTarget[] | undefined>): MoveTarget[] {
  const byId = new Map<string, MoveTarget>()
  for (const list of lists) for (const t of list ?? []) if (t.id && !byId.has(t.id)) byId.set(t.id, t)
  return sortTargets([...byId.values()])
}

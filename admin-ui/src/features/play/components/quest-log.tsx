import { useQuery } from '@tanstack/react-query'
import { ScrollText } from 'lucide-react'
import { useEffect } from 'react'
import { fetchQuestLog, rewardWords } from '../quests'

/**
 * The player's quest log, read from `GET /api/game/quests` and read again after every answer to an action
 * (`refreshKey` changes), so a step done shows up as soon as its result frame arrives.
 */
export function QuestLogPanel({ playerId, refreshKey }: { playerId: string; refreshKey: number | undefined }) {
  const query = useQuery({ queryKey: ['quests', playerId], queryFn: fetchQuestLog })
  const { refetch } = query
  useEffect(() => {
    if (refreshKey !== undefined) void refetch()
  }, [refreshKey, refetch])

  return (
    <section data-testid="quest-log" className="space-y-2 border-t border-slate-800 p-4">
      <h3 className="flex items-center gap-1.5 text-xs font-medium tracking-wide text-slate-400 uppercase">
        <ScrollText className="h-3.5 w-3.5" aria-hidden />
        Quests
        {query.data && (
          <span data-testid="quest-xp" className="ml-auto normal-case tracking-normal text-slate-500">
            {query.data.xp} XP · {query.data.reputation} rep
          </span>
        )}
      </h3>
      {query.isError && <p className="text-sm text-rose-400">The quest log could not be read.</p>}
      {query.data && query.data.quests.length === 0 && (
        <p data-testid="quest-empty" className="text-sm text-slate-600">
          none yet: talk to people, some need help
        </p>
      )}
      <ul className="space-y-2">
        {query.data?.quests.map((q) => (
          <li key={q.id} data-testid="quest-entry" data-quest={q.id} data-status={q.status} data-step={q.step} className="text-sm">
            <div className="flex items-baseline gap-2">
              <span className={q.status === 'done' ? 'text-slate-500 line-through' : 'font-medium text-slate-100'}>{q.name}</span>
              <span className="text-xs text-slate-500 tabular-nums">{q.status === 'done' ? 'done' : `${q.step}/${q.steps}`}</span>
            </div>
            {q.status === 'active' && q.current && (
              <p data-testid="quest-current" className="text-slate-300">
                {q.current}
                {q.together > 1 && <span className="text-amber-300"> (with {q.together - 1} more on this quest)</span>}
              </p>
            )}
            <p className="text-xs text-slate-500">
              from {q.giverName}
              {rewardWords(q.rewards) && ` · reward: ${rewardWords(q.rewards)}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}

import { useQuery } from '@tanstack/react-query'
import { Crown, MapPin, UsersRound } from 'lucide-react'
import { fetchParty } from '../api'

/** How often the panel asks again on its own: members walk about without this client hearing of it. */
export const PARTY_REFRESH_MS = 15_000

/**
 * The player's party: who is in it and where each one is. Asked again whenever `revision` changes (a party event
 * or an answer arrived) and every {@link PARTY_REFRESH_MS}.
 */
export function PartyPanel({ revision }: { revision: number }) {
  const party = useQuery({ queryKey: ['party', revision], queryFn: fetchParty, refetchInterval: PARTY_REFRESH_MS, placeholderData: (previous) => previous })
  const members = party.data?.members ?? []
  return (
    <section data-testid="party-panel" className="px-4 pb-4">
      <h3 className="mb-1.5 flex items-center gap-1.5 text-xs font-medium tracking-wide text-slate-400 uppercase">
        <UsersRound className="h-3.5 w-3.5" aria-hidden />
        Party{party.data && members.length > 0 ? ` (${members.length}/${party.data.maxSize})` : ''}
      </h3>
      {members.length === 0 ? (
        <p data-testid="party-none" className="text-sm text-slate-600">
          none — <span className="font-mono text-slate-500">invite &lt;player&gt;</span>
        </p>
      ) : (
        <ul className="space-y-1">
          {members.map((m) => (
            <li key={m.name} data-testid="party-member" data-name={m.name} className="flex items-center gap-2 text-sm">
              <span className={m.online ? 'text-slate-100' : 'text-slate-500'}>{m.name}</span>
              {m.leader && <Crown className="h-3.5 w-3.5 text-amber-400" aria-label="leader" />}
              <span className="ml-auto inline-flex items-center gap-1 text-xs text-slate-400" data-testid="party-member-place">
                <MapPin className="h-3 w-3" aria-hidden />
                {m.locationName}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

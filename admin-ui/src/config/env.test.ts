import { describe, expect, it } from 'vitest'
import { apiUrl, runtimeConfig, wsUrl } from './env'

const loc = (protocol: string, host: string) => ({ protocol, host }) as Location

describe('runtime config', () => {
  it('falls back to the same origin when /env.js did not load', () => {
    expect(runtimeConfig()).toEqual({ apiBase: '', wsBase: '', version: 'dev' })
    expect(apiUrl('/api/health')).toBe('/api/health')
  })

  it('reads window.__LANGOMNI__ and trims trailing slashes', () => {
    window.__LANGOMNI__ = { apiBase: 'https://api.example/', wsBase: 'wss://ws.example//', version: '0.1.0' }
    expect(runtimeConfig()).toEqual({ apiBase: 'https://api.example', wsBase: 'wss://ws.example', version: '0.1.0' })
    expect(apiUrl('/api/x')).toBe('https://api.example/api/x')
    expect(wsUrl('/ws/game/p')).toBe('wss://ws.example/ws/game/p')
  })

  it('derives ws: or wss: from the page without a wsBase', () => {
    expect(wsUrl('/ws/game/p', runtimeConfig(), loc('http:', 'localhost:8080'))).toBe('ws://localhost:8080/ws/game/p')
    expect(wsUrl('/ws/game/p', runtimeConfig(), loc('https:', 'game.example'))).toBe('wss://game.example/ws/game/p')
  })
})

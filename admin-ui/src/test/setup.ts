import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'

// Pure modules' tests run in the node environment (no window); component tests in jsdom.
const dom = typeof window !== 'undefined'

// recharts' ResponsiveContainer measures with ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
const stubResizeObserver = () => {
  if (dom && !('ResizeObserver' in globalThis)) vi.stubGlobal('ResizeObserver', ResizeObserverStub)
}
stubResizeObserver()

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  if (!dom) return
  cleanup()
  window.sessionStorage.clear()
  delete window.__LANGOMNI__
  stubResizeObserver()
})

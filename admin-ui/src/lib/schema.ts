import { z } from 'zod'

/**
 * Building blocks for the features' response schemas (zod). The server is trusted to send the documented shapes,
 * but a page must survive an older or newer one: a figure it does not know reads as null (shown as a dash), a list
 * it leaves out reads as empty, and one malformed entry drops that entry, not the whole answer.
 */

/** A finite number; anything else (absent, a string, null) is null. */
export const figure = z.number().nullable().catch(null)

/** A string; anything else is null. */
export const textOrNull = z.string().nullable().catch(null)

/** A number; anything else is 0 (for counters the server always sends). */
export const count = z.number().catch(0)

/** true only when the server said true. */
export const flag = z.boolean().catch(false)

/** A JSON object (not null, not an array), its values unchecked. */
export const jsonObject = z.record(z.string(), z.unknown())

/** An object keeping only the entries whose value matches `item`; anything but an object fails. */
export function mapOf<T extends z.ZodType>(item: T) {
  return jsonObject.transform((entries) => {
    const out: Record<string, z.output<T>> = {}
    for (const [k, v] of Object.entries(entries)) {
      const parsed = item.safeParse(v)
      if (parsed.success) out[k] = parsed.data
    }
    return out
  })
}

/** An object of numbers, e.g. counts by reason; entries that are not numbers are dropped. */
export const numberMap = mapOf(z.number())

/** An array keeping only the elements that match `item`; anything but an array fails (add `.catch([])` for "empty"). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((items) =>
    items.flatMap((v) => {
      const parsed = item.safeParse(v)
      return parsed.success ? [parsed.data as z.output<T>] : []
    }),
  )
}

/** An array whose elements are taken as the server sent them (no check per element); anything else is empty. */
export const uncheckedList = <T>() => z.array(z.custom<T>()).catch([])

/** The parsed value, or null when it does not match. */
export function parseOrNull<T extends z.ZodType>(schema: T, value: unknown): z.output<T> | null {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : null
}

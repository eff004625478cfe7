import { asNumber, asString, unsupported, type Mapper } from '../plan';
import { passOn } from './flow';

const UNITS: Record<string, string> = { seconds: 's', minutes: 'm', hours: 'h', days: 'd' };

/**
 * Wait "after a time interval" → flow.wait for that duration; "at a specified time" → until that
 * date (an expression is kept as one). Resuming on a webhook call or a form has no counterpart.
 */
export const wait: Mapper = (node) => {
  const p = node.parameters;
  const resume = asString(p.resume) ?? 'timeInterval';
  if (resume === 'specificTime') {
    return {
      kind: 'node',
      type: 'flow.wait',
      version: 1,
      output: passOn,
      passesInput: true,
      build: (b) => {
        const until = b.text(p.dateTime, 'dateTime').trim();
        if (until) return { mode: 'until', until };
        b.report('The wait has no date and time; it was set to wait 1 minute: set the date by hand.', 'dateTime');
        return { mode: 'duration', duration: '1m' };
      },
    };
  }
  if (resume !== 'timeInterval') {
    return unsupported(
      `Wait "${resume}" (resume on a ${resume === 'form' ? 'form submission' : 'webhook call'}) has no counterpart; it was left out. A person's go-ahead is a flow.approval here.`,
      true,
    );
  }
  // n8n's defaults: 1 hour in v1, 5 seconds from v1.1 on.
  const amount = asNumber(p.amount) ?? (p.amount === undefined ? (node.typeVersion < 1.1 ? 1 : 5) : undefined);
  const unit = UNITS[asString(p.unit) ?? (node.typeVersion < 1.1 ? 'hours' : 'seconds')] ?? 'h';
  return {
    kind: 'node',
    type: 'flow.wait',
    version: 1,
    output: passOn,
    passesInput: true,
    build: (b) => {
      if (amount === undefined || amount <= 0) {
        b.report(
          `The wait amount ${JSON.stringify(p.amount)} is not a fixed positive number; the wait was set to 1 minute: set it by hand.`,
          'amount',
        );
        return { mode: 'duration', duration: '1m' };
      }
      const days = unit === 'd' ? amount : unit === 'h' ? amount / 24 : 0;
      if (days > 366) {
        b.report(`A wait of ${amount} ${asString(p.unit)} is longer than the year a run may wait; it was set to 366 days.`, 'amount');
        return { mode: 'duration', duration: '366d' };
      }
      return { mode: 'duration', duration: `${Math.round(amount * 100) / 100}${unit}` };
    },
  };
};

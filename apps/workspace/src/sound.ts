import type { TPriority as Priority } from '@baton/contracts';

let ctx: AudioContext | null = null;

/** Browsers only allow audio after a user gesture; call this from one (login, a click). */
export function unlockAudio(): void {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
  } catch {
    ctx = null;
  }
}

/**
 * A short beep through Web Audio: two soft tones for most handoffs; three louder, longer ones
 * for critical ones.
 */
export function beep(priority: Priority): void {
  try {
    ctx ??= new AudioContext();
    const critical = priority === 'critical';
    const tones = critical ? [880, 660, 880] : priority === 'high' ? [740, 988] : [660, 880];
    const length = critical ? 0.32 : 0.14;
    const volume = critical ? 0.5 : 0.18;
    let t = ctx.currentTime + 0.01;
    for (const freq of tones) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = critical ? 'square' : 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(volume, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + length + 0.02);
      t += length + 0.06;
    }
  } catch {
    /* no audio on this device: the toast still shows */
  }
}

// How the views write numbers a learner reads.

const grouped = new Intl.NumberFormat('en-US');

export function formatCount(n) {
  return grouped.format(n);
}

export function formatAddress(address) {
  return `0x${address.toString(16).padStart(8, '0')}`;
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A short, human reason for a failed file-system call: "permission denied", "it is a directory", … */
export function describeFileError(error: unknown, whenMissing = 'no such file or directory'): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return whenMissing;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

package org.mtalens.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Collection;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.ShownName;

/**
 * The one top folder of a PyTorch zip, named as {@code torch.save} names it: after the file it writes to,
 * without folders and without the last extension ({@code PyTorchStreamWriter}'s {@code basename}: from
 * after the last '/' or '\' to before the last '.', so {@code run:3..pth} gives {@code run:3.}, and
 * {@code ...pth} gives {@code ..}), or {@code archive} when it writes to a buffer or a non-ASCII path.
 * As PyTorch's reader does, the folder is what the first entry's name holds before its first '/'; every
 * entry must lie in it. Entries are never written to disk, so the folder's name may hold anything but a
 * separator; below it, an entry name is a plain relative path (no empty, '.' or '..' part, no '\'),
 * else it is refused as a path that escapes the archive. Folder entries (a re-zipped checkpoint has them) are allowed.
 */
final class TorchArchiveFolder {
    private TorchArchiveFolder() {
    }

    /** @return the folder with its trailing '/', e.g. {@code consolidated/} */
    static String of(Path file, Collection<String> entryNames) {
        if (entryNames.isEmpty()) {
            throw new InvalidInputException(file + ": the zip is empty; not a PyTorch checkpoint (torch.save)");
        }
        String first = entryNames.iterator().next();
        int slash = first.indexOf('/');
        if (slash <= 0 || first.substring(0, slash).contains("\\")) {
            throw new InvalidInputException(file + ": zip entry '" + ShownName.of(first) + "' is not inside a top folder;"
                    + " not a PyTorch checkpoint (torch.save)");
        }
        String folder = first.substring(0, slash + 1);
        for (String name : entryNames) {
            if (!name.startsWith(folder)) {
                throw new InvalidInputException(file + ": zip entry '" + ShownName.of(name) + "' lies outside the archive's"
                        + " folder '" + ShownName.of(folder) + "'; a PyTorch checkpoint keeps every entry in one folder");
            }
            if (!isPlainRelativePath(name.substring(folder.length()))) {
                throw new InvalidInputException(file + ": zip entry '" + ShownName.of(name) + "' has a path that escapes"
                        + " the archive");
            }
        }
        return folder;
    }

    /** A path below the folder; a folder entry (as a re-zipped checkpoint has) ends with '/'. */
    private static boolean isPlainRelativePath(String entryPath) {
        String path = entryPath.endsWith("/") ? entryPath.substring(0, entryPath.length() - 1) : entryPath;
        if (entryPath.isEmpty()) {
            return true;
        }
        if (path.isEmpty() || path.contains("\\")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}

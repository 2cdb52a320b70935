package org.vigie.connector.support.internal.dropfolder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Why a file had to stay in the drop folder; it is tried again at the next poll. The message is what the
 * connector's health shows, worded for an operator.
 */
public final class FileKeptException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean storeUnavailable;

    /** A file that stays for a reason of its own; the files after it are still handled. */
    public FileKeptException(String message) {
        this(message, false);
    }

    private FileKeptException(String message, boolean storeUnavailable) {
        super(message);
        this.storeUnavailable = storeUnavailable;
    }

    public static FileKeptException unreadable(Path file, IOException e) {
        return new FileKeptException("cannot read " + file + ": " + describe(e));
    }

    /**
     * A store refused the file's content. The files after it would fail alike, so the poll stops there, which also
     * keeps the files delivered in name order.
     *
     * @param store e.g. {@code store}, {@code forecast archive}
     */
    public static FileKeptException storeUnavailable(String store, String fileName, RuntimeException e) {
        return new FileKeptException(
                store + " unavailable, " + fileName + " kept for the next attempt: " + describe(e), true);
    }

    static FileKeptException notMoved(String fileName, String destination, IOException e) {
        return new FileKeptException(
                "cannot move " + fileName + " to " + destination + "/ (it will be delivered again): " + describe(e));
    }

    /** @return true when the poll should stop at this file rather than try the next ones */
    public boolean storeUnavailable() {
        return storeUnavailable;
    }

    /** @return the exception's message, or its type when it has none (e.g. a bare NullPointerException) */
    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

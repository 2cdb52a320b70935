package org.vigie.gis.internal.io;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of the SQLite 3 file format (https://www.sqlite.org/fileformat2.html) a GeoPackage needs: rowid tables,
 * written in one go and read back by walking their b-trees. H2GIS 2.2.5 has no GeoPackage driver and the module has
 * no SQLite library, so this is what lets Vigie read and write .gpkg files. Not supported: WITHOUT ROWID tables,
 * UTF-16 databases, uncommitted WAL content; indexes are never written (so no UNIQUE or non-integer PRIMARY KEY may
 * be declared in a written schema).
 */
final class SqliteFile {
    static final int PAGE_SIZE = 4096;
    private static final byte LEAF = 0x0D;
    private static final byte INTERIOR = 0x05;

    /** One row of a rowid table; values are null, Long, Double, String or byte[]. */
    record Row(long rowid, Object[] values) {
    }

    /** A table to write: its CREATE TABLE statement and its rows in increasing rowid order. */
    record Table(String name, String sql, List<Row> rows) {
    }

    /** One entry of sqlite_schema. */
    record SchemaEntry(String type, String name, int rootPage, String sql) {
    }

    /** A column declared in a CREATE TABLE statement; {@code rowidAlias} for an INTEGER PRIMARY KEY. */
    record Column(String name, String type, boolean rowidAlias) {
    }

    private SqliteFile() {
    }

    // ---------------------------------------------------------------- writing

    /** Writes a new database holding {@code tables} (any existing file is replaced). */
    static void write(Path file, int applicationId, int userVersion, List<Table> tables) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            new Writer(channel).write(applicationId, userVersion, tables);
        }
    }

    private static final class Writer {
        private final FileChannel channel;
        private int pageCount = 1; // page 1 is the schema's root, written last

        Writer(FileChannel channel) {
            this.channel = channel;
        }

        void write(int applicationId, int userVersion, List<Table> tables) throws IOException {
            List<Row> schema = new ArrayList<>();
            for (Table table : tables) {
                int root = writeTable(table.rows(), 0);
                schema.add(new Row(schema.size() + 1,
                        new Object[] {"table", table.name(), table.name(), (long) root, table.sql()}));
            }
            writeTable(schema, 1);
            ByteBuffer header = ByteBuffer.allocate(100);
            header.put("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
            header.putShort(16, (short) PAGE_SIZE);
            header.put(18, (byte) 1).put(19, (byte) 1).put(20, (byte) 0);
            header.put(21, (byte) 64).put(22, (byte) 32).put(23, (byte) 32);
            header.putInt(24, 1); // file change counter
            header.putInt(28, pageCount);
            header.putInt(40, 1); // schema cookie
            header.putInt(44, 4); // schema format
            header.putInt(56, 1); // UTF-8
            header.putInt(60, userVersion);
            header.putInt(68, applicationId);
            header.putInt(92, 1); // version-valid-for = change counter
            header.putInt(96, 3_040_001);
            header.position(0);
            channel.write(header, 0);
        }

        /** @return the root page of the written b-tree, {@code root} itself when given */
        private int writeTable(List<Row> rows, int root) throws IOException {
            List<byte[]> cells = new ArrayList<>(rows.size());
            for (Row row : rows) {
                cells.add(leafCell(row));
            }
            int rootCapacity = PAGE_SIZE - (root == 1 ? 100 : 0);
            if (size(cells, 0, cells.size()) + 8 <= rootCapacity) {
                int page = root != 0 ? root : ++pageCount;
                writeBtreePage(page, LEAF, cells, 0);
                return page;
            }
            List<long[]> children = new ArrayList<>(); // {page, largest rowid below it}
            for (int start = 0; start < cells.size(); ) {
                int end = start;
                while (end < cells.size() && size(cells, start, end + 1) + 8 <= PAGE_SIZE) {
                    end++;
                }
                int page = ++pageCount;
                writeBtreePage(page, LEAF, cells.subList(start, end), 0);
                children.add(new long[] {page, rows.get(end - 1).rowid()});
                start = end;
            }
            while (true) {
                if (interiorSize(children, 0, children.size()) + 12 <= rootCapacity) {
                    int page = root != 0 ? root : ++pageCount;
                    writeInterior(page, children);
                    return page;
                }
                List<Integer> ends = new ArrayList<>();
                for (int start = 0; start < children.size(); ) {
                    int end = start + 1;
                    while (end < children.size() && interiorSize(children, start, end + 1) + 12 <= PAGE_SIZE) {
                        end++;
                    }
                    ends.add(end);
                    start = end;
                }
                int last = ends.size() - 1;
                if (last > 0 && ends.get(last) - ends.get(last - 1) == 1) { // no interior page with a lone child
                    ends.set(last - 1, ends.get(last - 1) - 1);
                }
                List<long[]> parents = new ArrayList<>();
                int start = 0;
                for (int end : ends) {
                    int page = ++pageCount;
                    writeInterior(page, children.subList(start, end));
                    parents.add(new long[] {page, children.get(end - 1)[1]});
                    start = end;
                }
                children = parents;
            }
        }

        private void writeInterior(int page, List<long[]> children) throws IOException {
            List<byte[]> cells = new ArrayList<>();
            for (int i = 0; i < children.size() - 1; i++) {
                cells.add(interiorCell(children.get(i)));
            }
            writeBtreePage(page, INTERIOR, cells, (int) children.get(children.size() - 1)[0]);
        }

        private static int size(List<byte[]> cells, int from, int to) {
            int size = 0;
            for (int i = from; i < to; i++) {
                size += cells.get(i).length + 2;
            }
            return size;
        }

        /** Size of the cells of an interior page holding {@code children[from, to)} (the last is the right child). */
        private static int interiorSize(List<long[]> children, int from, int to) {
            int size = 0;
            for (int i = from; i < to - 1; i++) {
                size += 4 + varintLength(children.get(i)[1]) + 2;
            }
            return size;
        }

        private static byte[] interiorCell(long[] child) {
            ByteArrayOutputStream cell = new ByteArrayOutputStream();
            cell.writeBytes(ByteBuffer.allocate(4).putInt((int) child[0]).array());
            putVarint(cell, child[1]);
            return cell.toByteArray();
        }

        private byte[] leafCell(Row row) throws IOException {
            byte[] payload = record(row.values());
            ByteArrayOutputStream cell = new ByteArrayOutputStream();
            putVarint(cell, payload.length);
            putVarint(cell, row.rowid());
            int local = localPayload(payload.length, PAGE_SIZE);
            cell.write(payload, 0, local);
            if (local < payload.length) {
                int first = pageCount + 1;
                for (int offset = local; offset < payload.length; offset += PAGE_SIZE - 4) {
                    int page = ++pageCount;
                    int length = Math.min(PAGE_SIZE - 4, payload.length - offset);
                    boolean last = offset + length >= payload.length;
                    ByteBuffer overflow = ByteBuffer.allocate(PAGE_SIZE);
                    overflow.putInt(last ? 0 : page + 1).put(payload, offset, length);
                    writePage(page, overflow);
                }
                cell.writeBytes(ByteBuffer.allocate(4).putInt(first).array());
            }
            return cell.toByteArray();
        }

        private void writeBtreePage(int page, byte type, List<byte[]> cells, int rightChild) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(PAGE_SIZE);
            int header = page == 1 ? 100 : 0;
            int pointers = header + (type == LEAF ? 8 : 12);
            int content = PAGE_SIZE;
            for (int i = 0; i < cells.size(); i++) {
                byte[] cell = cells.get(i);
                content -= cell.length;
                buffer.put(content, cell);
                buffer.putShort(pointers + 2 * i, (short) content);
            }
            buffer.put(header, type);
            buffer.putShort(header + 3, (short) cells.size());
            buffer.putShort(header + 5, (short) (content == 65536 ? 0 : content));
            if (type == INTERIOR) {
                buffer.putInt(header + 8, rightChild);
            }
            if (page == 1) { // the file header is written over the first 100 bytes afterwards
                buffer.position(100);
                channel.write(buffer, 100);
            } else {
                writePage(page, buffer);
            }
        }

        private void writePage(int page, ByteBuffer buffer) throws IOException {
            buffer.position(0);
            channel.write(buffer, (long) (page - 1) * PAGE_SIZE);
        }
    }

    /** Encodes a record: header of serial types, then the values (integers on 8 bytes, floats as IEEE doubles). */
    static byte[] record(Object[] values) {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object value : values) {
            if (value == null) {
                putVarint(types, 0);
            } else if (value instanceof Long number) {
                putVarint(types, 6);
                body.writeBytes(ByteBuffer.allocate(8).putLong(number).array());
            } else if (value instanceof Double number) {
                putVarint(types, 7);
                body.writeBytes(ByteBuffer.allocate(8).putDouble(number).array());
            } else if (value instanceof String text) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                putVarint(types, 13 + 2L * bytes.length);
                body.writeBytes(bytes);
            } else if (value instanceof byte[] blob) {
                putVarint(types, 12 + 2L * blob.length);
                body.writeBytes(blob);
            } else {
                throw new IllegalArgumentException("cannot store a " + value.getClass().getName() + " in SQLite");
            }
        }
        int headerSize = types.size() + 1;
        while (varintLength(headerSize) + types.size() != headerSize) {
            headerSize = varintLength(headerSize) + types.size();
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        putVarint(record, headerSize);
        record.writeBytes(types.toByteArray());
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    /** How much of a payload of {@code size} bytes stays on a table leaf page (the rest goes to overflow pages). */
    private static int localPayload(int size, int usable) {
        int max = usable - 35;
        if (size <= max) {
            return size;
        }
        int min = (usable - 12) * 32 / 255 - 23;
        int local = min + (size - min) % (usable - 4);
        return local <= max ? local : min;
    }

    static void putVarint(ByteArrayOutputStream out, long value) {
        if ((value & 0xff00000000000000L) != 0) {
            byte[] bytes = new byte[9];
            bytes[8] = (byte) value;
            long rest = value >>> 8;
            for (int i = 7; i >= 0; i--) {
                bytes[i] = (byte) ((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            out.writeBytes(bytes);
            return;
        }
        byte[] reversed = new byte[9];
        int n = 0;
        long rest = value;
        do {
            reversed[n++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        } while (rest != 0);
        reversed[0] &= 0x7f;
        for (int i = n - 1; i >= 0; i--) {
            out.write(reversed[i]);
        }
    }

    static int varintLength(long value) {
        if ((value & 0xff00000000000000L) != 0) {
            return 9;
        }
        int n = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- reading

    /** Reads rowid tables of an existing database, page by page. */
    static final class Reader implements Closeable {
        private final FileChannel channel;
        private final int pageSize;
        private final int usable;

        Reader(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                ByteBuffer header = ByteBuffer.allocate(100);
                channel.read(header, 0);
                String magic = new String(header.array(), 0, 16, StandardCharsets.US_ASCII);
                if (!magic.equals("SQLite format 3\0")) {
                    throw new IllegalArgumentException(file.getFileName() + " is not an SQLite database (GeoPackage)");
                }
                int size = header.getShort(16) & 0xffff;
                pageSize = size == 1 ? 65536 : size;
                usable = pageSize - (header.get(20) & 0xff);
                if (header.getInt(56) > 1) {
                    throw new IllegalArgumentException(file.getFileName()
                            + " uses a UTF-16 text encoding; save it again as UTF-8 (e.g. with ogr2ogr)");
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        List<SchemaEntry> schema() throws IOException {
            List<SchemaEntry> entries = new ArrayList<>();
            for (Row row : rows(1)) {
                Object[] v = row.values();
                entries.add(new SchemaEntry((String) v[0], (String) v[1],
                        v[3] instanceof Long root ? root.intValue() : 0, (String) v[4]));
            }
            return entries;
        }

        /** @return the rows of the table whose b-tree starts at {@code rootPage}, in rowid order */
        List<Row> rows(int rootPage) throws IOException {
            List<Row> rows = new ArrayList<>();
            collect(rootPage, rows, 0, new java.util.HashSet<>());
            return rows;
        }

        private void collect(int pageNumber, List<Row> rows, int depth, java.util.Set<Integer> visited)
                throws IOException {
            // a corrupt (or hostile) file may point back to a page already read: that is never a b-tree
            if (depth > 40 || !visited.add(pageNumber)) {
                throw new IOException("SQLite b-tree loops or is too deep: corrupt file");
            }
            ByteBuffer page = page(pageNumber);
            int header = pageNumber == 1 ? 100 : 0;
            byte type = page.get(header);
            int cells = page.getShort(header + 3) & 0xffff;
            if (type == INTERIOR) {
                for (int i = 0; i < cells; i++) {
                    int cell = page.getShort(header + 12 + 2 * i) & 0xffff;
                    collect(page.getInt(cell), rows, depth + 1, visited);
                }
                collect(page.getInt(header + 8), rows, depth + 1, visited);
            } else if (type == LEAF) {
                for (int i = 0; i < cells; i++) {
                    int[] position = {page.getShort(header + 8 + 2 * i) & 0xffff};
                    long size = readVarint(page, position);
                    long rowid = readVarint(page, position);
                    if (size < 0 || size > channel.size()) {
                        throw new IOException("a record of page " + pageNumber + " claims " + size
                                + " bytes: corrupt file");
                    }
                    rows.add(new Row(rowid, decodeRecord(payload(page, position[0], (int) size))));
                }
            } else {
                throw new IOException("page " + pageNumber + " is not a rowid table page (type " + type
                        + "): WITHOUT ROWID tables are not supported");
            }
        }

        private byte[] payload(ByteBuffer page, int offset, int size) throws IOException {
            byte[] payload = new byte[size];
            int local = localPayload(size, usable);
            page.get(offset, payload, 0, local);
            int next = local < size ? page.getInt(offset + local) : 0;
            for (int done = local; done < size; ) {
                ByteBuffer overflow = page(next);
                int length = Math.min(usable - 4, size - done);
                overflow.get(4, payload, done, length);
                done += length;
                next = overflow.getInt(0);
            }
            return payload;
        }

        private ByteBuffer page(int number) throws IOException {
            if (number < 1 || (long) number * pageSize > channel.size()) {
                throw new IOException("page " + number + " is outside the file: corrupt SQLite file?");
            }
            ByteBuffer buffer = ByteBuffer.allocate(pageSize);
            channel.read(buffer, (long) (number - 1) * pageSize);
            return buffer;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    static Object[] decodeRecord(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int[] position = {0};
        long headerSize = readVarint(buffer, position);
        List<Long> types = new ArrayList<>();
        while (position[0] < headerSize) {
            types.add(readVarint(buffer, position));
        }
        Object[] values = new Object[types.size()];
        int offset = (int) headerSize;
        for (int i = 0; i < values.length; i++) {
            long type = types.get(i);
            if (type >= 12) {
                int length = (int) ((type - 12) / 2);
                byte[] bytes = new byte[length];
                buffer.get(offset, bytes);
                values[i] = type % 2 == 0 ? bytes : new String(bytes, StandardCharsets.UTF_8);
                offset += length;
            } else if (type == 7) {
                values[i] = buffer.getDouble(offset);
                offset += 8;
            } else if (type == 8 || type == 9) {
                values[i] = type - 8;
            } else if (type >= 1 && type <= 6) {
                int length = new int[] {0, 1, 2, 3, 4, 6, 8}[(int) type];
                long value = buffer.get(offset); // sign-extended first byte
                for (int k = 1; k < length; k++) {
                    value = (value << 8) | (buffer.get(offset + k) & 0xff);
                }
                values[i] = value;
                offset += length;
            } else if (type != 0) {
                throw new IllegalArgumentException("unknown SQLite serial type " + type);
            }
        }
        return values;
    }

    static long readVarint(ByteBuffer buffer, int[] position) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            int b = buffer.get(position[0]++) & 0xff;
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | (buffer.get(position[0]++) & 0xff);
    }

    /** The columns a CREATE TABLE statement declares, in order (table constraints skipped). */
    static List<Column> columns(String createTable) {
        int open = createTable.indexOf('(');
        int close = createTable.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("cannot read the columns of: " + createTable);
        }
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = open + 1;
        for (int i = start; i < close; i++) {
            char c = createTable.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(createTable.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(createTable.substring(start, close).trim());
        List<Column> columns = new ArrayList<>();
        for (String part : parts) {
            String name;
            String rest;
            char first = part.isEmpty() ? ' ' : part.charAt(0);
            if (first == '"' || first == '`' || first == '[') {
                int end = part.indexOf(first == '[' ? ']' : first, 1);
                name = part.substring(1, end);
                rest = part.substring(end + 1).trim();
            } else {
                String[] words = part.split("\\s+", 2);
                name = words[0];
                rest = words.length > 1 ? words[1] : "";
                String keyword = name.toUpperCase(Locale.ROOT);
                if (List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "").contains(keyword)) {
                    continue;
                }
            }
            String type = rest.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
            String upper = rest.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            columns.add(new Column(name, type, type.equals("INTEGER") && upper.contains("PRIMARY KEY")));
        }
        return columns;
    }
}

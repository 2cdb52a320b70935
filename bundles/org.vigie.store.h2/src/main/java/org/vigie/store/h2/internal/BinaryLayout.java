package org.vigie.store.h2.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary layouts of the array-valued columns (forecast lead times, values and quantiles, model state
 * variables). Doubles are written as their raw IEEE bits, so they read back bit for bit, NaN payloads included.
 * Every value starts with a layout version byte, so a later layout can be read beside this one.
 *
 * <pre>
 * doubles    : version, n:int, n × bits:long
 * durations  : version, n:int, n × (seconds:long, nanos:int)
 * quantiles  : version, k:int, k × (probability bits:long, n:int, n × bits:long)
 * variables  : version, k:int, k × (name length:int, name UTF-8, n:int, n × bits:long)
 * </pre>
 * All integers big-endian.
 */
final class BinaryLayout {
    private static final byte VERSION = 1;

    private BinaryLayout() {
    }

    static byte[] doubles(double[] values) {
        ByteBuffer out = ByteBuffer.allocate(1 + sizeOf(values));
        out.put(VERSION);
        putDoubles(out, values);
        return out.array();
    }

    static double[] doubles(byte[] bytes) {
        ByteBuffer in = open(bytes);
        double[] values = getDoubles(in);
        return finish(in, values);
    }

    static byte[] durations(List<Duration> durations) {
        ByteBuffer out = ByteBuffer.allocate(1 + Integer.BYTES + durations.size() * (Long.BYTES + Integer.BYTES));
        out.put(VERSION).putInt(durations.size());
        for (Duration d : durations) {
            out.putLong(d.getSeconds()).putInt(d.getNano());
        }
        return out.array();
    }

    static List<Duration> durations(byte[] bytes) {
        ByteBuffer in = open(bytes);
        int n = count(in, Long.BYTES + Integer.BYTES);
        List<Duration> durations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            durations.add(Duration.ofSeconds(in.getLong(), in.getInt()));
        }
        return finish(in, durations);
    }

    static byte[] quantiles(Map<Double, double[]> quantiles) {
        int size = 1 + Integer.BYTES;
        for (double[] values : quantiles.values()) {
            size += Long.BYTES + sizeOf(values);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putInt(quantiles.size());
        quantiles.forEach((probability, values) -> {
            out.putLong(Double.doubleToRawLongBits(probability));
            putDoubles(out, values);
        });
        return out.array();
    }

    static Map<Double, double[]> quantiles(byte[] bytes) {
        ByteBuffer in = open(bytes);
        int k = count(in, Long.BYTES + Integer.BYTES);
        Map<Double, double[]> quantiles = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            double probability = Double.longBitsToDouble(in.getLong());
            quantiles.put(probability, getDoubles(in));
        }
        return finish(in, quantiles);
    }

    static byte[] variables(Map<String, double[]> variables) {
        int size = 1 + Integer.BYTES;
        List<byte[]> names = new ArrayList<>(variables.size());
        for (Map.Entry<String, double[]> variable : variables.entrySet()) {
            byte[] name = variable.getKey().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            size += Integer.BYTES + name.length + sizeOf(variable.getValue());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putInt(variables.size());
        int i = 0;
        for (double[] values : variables.values()) {
            byte[] name = names.get(i++);
            out.putInt(name.length).put(name);
            putDoubles(out, values);
        }
        return out.array();
    }

    static Map<String, double[]> variables(byte[] bytes) {
        ByteBuffer in = open(bytes);
        int k = count(in, 2 * Integer.BYTES);
        Map<String, double[]> variables = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            byte[] name = new byte[count(in, 1)];
            in.get(name);
            variables.put(new String(name, StandardCharsets.UTF_8), getDoubles(in));
        }
        return finish(in, variables);
    }

    private static int sizeOf(double[] values) {
        return Integer.BYTES + values.length * Long.BYTES;
    }

    private static void putDoubles(ByteBuffer out, double[] values) {
        out.putInt(values.length);
        for (double v : values) {
            out.putLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] getDoubles(ByteBuffer in) {
        double[] values = new double[count(in, Long.BYTES)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.getLong());
        }
        return values;
    }

    private static ByteBuffer open(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalStateException("empty binary value in the database");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("binary layout version " + version + " is unknown to this store version");
        }
        return in;
    }

    /** Reads an element count, refusing one the remaining bytes cannot hold (a corrupt value, not an OOM). */
    private static int count(ByteBuffer in, int minBytesPerElement) {
        try {
            int n = in.getInt();
            if (n < 0 || (long) n * minBytesPerElement > in.remaining()) {
                throw new IllegalStateException("corrupt binary value: " + n + " elements in " + in.remaining() + " bytes");
            }
            return n;
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException("truncated binary value", e);
        }
    }

    private static <T> T finish(ByteBuffer in, T value) {
        if (in.hasRemaining()) {
            throw new IllegalStateException("corrupt binary value: " + in.remaining() + " bytes left over");
        }
        return value;
    }
}

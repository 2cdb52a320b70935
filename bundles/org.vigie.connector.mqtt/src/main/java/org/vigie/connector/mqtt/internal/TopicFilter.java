package org.vigie.connector.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * An MQTT topic filter (MQTT 3.1.1 §4.7): levels separated by {@code /}, {@code +} matching one level, a final
 * {@code #} matching any number of levels (including none). Immutable.
 */
final class TopicFilter {

    private final String text;
    private final List<String> levels;

    private TopicFilter(String text) {
        this.text = text;
        this.levels = List.of(text.split("/", -1));
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, worded for an operator
     */
    static TopicFilter parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > 65_535) {
            throw new IllegalArgumentException("it is longer than 65535 bytes");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("it contains a NUL character");
        }
        TopicFilter filter = new TopicFilter(text);
        for (int i = 0; i < filter.levels.size(); i++) {
            String level = filter.levels.get(i);
            if (level.contains("#") && (!level.equals("#") || i != filter.levels.size() - 1)) {
                throw new IllegalArgumentException("'#' must be a whole level and the last one");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("'+' must be a whole level, found '" + level + "'");
            }
        }
        return filter;
    }

    String text() {
        return text;
    }

    /** @return the filter's level {@code index} (0-based), or empty beyond the last one */
    Optional<String> level(int index) {
        return index < levels.size() ? Optional.of(levels.get(index)) : Optional.empty();
    }

    /** @return whether topic level {@code index} of a matching topic can vary: a {@code +} level, or under {@code #} */
    boolean isWildcardLevel(int index) {
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals("#")) {
                return index >= i;
            }
            if (i == index) {
                return level.equals("+");
            }
        }
        return false;
    }

    /** @return whether {@code topic} (a topic name, without wildcards) matches this filter */
    boolean matches(String topic) {
        String[] topicLevels = topic.split("/", -1);
        // a filter starting with a wildcard does not match $SYS-like topics (MQTT 3.1.1 §4.7.2)
        if (topic.startsWith("$") && (levels.get(0).equals("+") || levels.get(0).equals("#"))) {
            return false;
        }
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            if (level.equals("#")) {
                return true;
            }
            if (i >= topicLevels.length) {
                return false;
            }
            if (!level.equals("+") && !level.equals(topicLevels[i])) {
                return false;
            }
        }
        return topicLevels.length == levels.size();
    }

    /** @return level {@code index} (0-based) of a topic name, or empty if it has fewer levels */
    static Optional<String> levelOf(String topic, int index) {
        String[] topicLevels = topic.split("/", -1);
        return index < topicLevels.length ? Optional.of(topicLevels[index]) : Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}

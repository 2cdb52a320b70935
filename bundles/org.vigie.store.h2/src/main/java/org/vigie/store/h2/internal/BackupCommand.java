package org.vigie.store.h2.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code vigie:backup FILE.zip}: a consistent copy of the running store database (H2's online {@code BACKUP}), taken
 * without stopping the watch. Restore: stop Vigie, unzip it into {@code data/}, start Vigie (docs/operations.md).
 */
@Component(service = BackupCommand.class, property = {"osgi.command.scope=vigie", "osgi.command.function=backup"})
public final class BackupCommand {
    private final Database database;

    @Activate
    public BackupCommand(@Reference(name = "database") Database database) {
        this.database = database;
    }

    public String backup(String file) throws java.io.IOException {
        Path target = Path.of(file).toAbsolutePath().normalize();
        if (!target.getFileName().toString().endsWith(".zip")) {
            throw new IllegalArgumentException("the backup is a zip file: name it …zip");
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists: choose a new name, a backup never overwrites");
        }
        Files.createDirectories(target.getParent());
        database.withConnection("back up the store to " + target, connection -> {
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, target.toString());
                backup.execute();
            }
            return null;
        });
        return target + " (" + Files.size(target) + " bytes)";
    }
}

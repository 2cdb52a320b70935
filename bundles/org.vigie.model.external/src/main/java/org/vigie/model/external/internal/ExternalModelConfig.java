package org.vigie.model.external.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One external model, as a factory configuration, e.g. {@code config/org.vigie.model.external-r2025.config}.
 * The single source of the defaults: {@link ExternalModelSettings} only checks and carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie external model",
        description = "Runs a program (e.g. Rscript model.R) as a river model through CSV files"
                + " (docs/models/external.md); one configuration per external model")
@interface ExternalModelConfig {

    @AttributeDefinition(
            name = "Model id",
            description = "The id forecast points name in their 'model' field, e.g. r2025")
    String id() default "";

    @AttributeDefinition(
            name = "Command",
            description = "Command line run for each forecast, e.g. 'Rscript model.R'; words are separated by"
                    + " blanks, a word with blanks is quoted with \" or '. The run folder is appended as the last"
                    + " argument")
    String command() default "";

    @AttributeDefinition(
            name = "Working directory",
            description = "Directory the command runs in; a relative path is resolved against the framework"
                    + " property vigie.home (or the working directory when it is not set); empty: that directory",
            required = false)
    String workingDirectory() default "";

    @AttributeDefinition(
            name = "Time limit (s)",
            description = "The program and everything it started are killed after this many seconds",
            required = false,
            min = "1")
    long timeLimitSeconds() default 60L;

    @AttributeDefinition(
            name = "Environment",
            description = "Extra environment variables, each NAME=value, e.g. [\"R_LIBS_USER=/opt/r-libs\"]",
            required = false)
    String[] environment() default {};

    @AttributeDefinition(
            name = "Inputs",
            description = "Names of the inputs the program reads besides the target, e.g. [\"P\", \"E\"]: shown to"
                    + " operators; every input of the forecast point is written to inputs.csv anyway",
            required = false)
    String[] inputs() default {};

    @AttributeDefinition(
            name = "Parameters",
            description = "The program's parameters, each 'name=default', optionally followed by '[min,max]' and a"
                    + " unit, e.g. [\"X1=350 [1,2000] mm\", \"gain=1\"]; forecast points may set only these",
            required = false)
    String[] parameters() default {};

    @AttributeDefinition(
            name = "Description",
            description = "One line for operators",
            required = false)
    String description() default "";

    @AttributeDefinition(
            name = "Temporary directory",
            description = "Where each run's fresh folder is made; empty: the system temporary directory",
            required = false)
    String temporaryDirectory() default "";

    @AttributeDefinition(
            name = "Keep failed runs",
            description = "Keep the run folder of a failed run for inspection (its path is in the error message)",
            required = false)
    boolean keepFailedRuns() default false;
}

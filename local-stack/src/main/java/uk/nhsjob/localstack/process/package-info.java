/**
 * Child JVMs: started with their output in a log file, marked so that a later run can
 * find them, and stopped politely, then forcibly.
 */
@NullMarked
package uk.nhsjob.localstack.process;

import org.jspecify.annotations.NullMarked;

/**
 * The local stack's control interface on loopback: its state as JSON, and requests to
 * stop and start the embedded MongoDB, to set how the SMTP port answers and to kill a
 * broker or an instance, for runs that try faults (docs/local-stack.md, "The control
 * interface").
 */
@NullMarked
package uk.nhsjob.localstack.control;

import org.jspecify.annotations.NullMarked;

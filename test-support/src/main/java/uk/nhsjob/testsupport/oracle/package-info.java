/**
 * An oracle for the system's matching and emails, written from the rules in
 * docs/matching.md, docs/normalisation.md and docs/emails.md and sharing no class with
 * the production code: tests state alerts and vacancies in its terms, and compare what
 * the services did with what it expects. See
 * {@link uk.nhsjob.testsupport.oracle.MatchOracle} and
 * {@link uk.nhsjob.testsupport.oracle.EmailOracle} for what it models.
 */
@NullMarked
package uk.nhsjob.testsupport.oracle;

import org.jspecify.annotations.NullMarked;

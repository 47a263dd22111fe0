package uk.nhsjob.matcher.matching;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import uk.nhsjob.matcher.alert.AlertConfirmed;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A confirmation is answered without waiting for its welcome set (docs/alerts.md, "The
 * candidate's pages"): the event is published on the confirming request's thread, and
 * Spring delivers it to its listeners on that thread.
 */
class WelcomeSetsTests {

	@Test
	void theConfirmationIsAnsweredWhileItsWelcomeSetIsStillBeingBuilt() {
		Matchmaker matchmaker = mock(Matchmaker.class);
		CountDownLatch building = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		given(matchmaker.sendWelcomeSet("alert-1")).willAnswer((invocation) -> {
			building.countDown();
			finish.await();
			return true;
		});
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(Matchmaker.class, () -> matchmaker);
			context.registerBean(WelcomeSetOutbox.class, () -> mock(WelcomeSetOutbox.class));
			context.register(WelcomeSets.class);
			context.refresh();

			CompletableFuture<Void> confirming = CompletableFuture
				.runAsync(() -> context.publishEvent(new AlertConfirmed("alert-1")));
			await().until(() -> building.getCount() == 0);
			await().until(confirming::isDone);
			assertThat(confirming).isCompleted();
			assertThat(finish.getCount()).as("the welcome set is still being built").isOne();
			finish.countDown();
		}
		finally {
			finish.countDown();
		}
	}

	/** Two builders and a hundred waiting: the next confirmation finds no room. */
	@Test
	void aWelcomeSetTheBuildersHaveNoRoomForIsLeftToTheRelayAndTheConfirmationStillSucceeds() {
		Matchmaker matchmaker = mock(Matchmaker.class);
		WelcomeSetOutbox outbox = mock(WelcomeSetOutbox.class);
		CountDownLatch building = new CountDownLatch(2);
		CountDownLatch finish = new CountDownLatch(1);
		given(matchmaker.sendWelcomeSet(startsWith("held-"))).willAnswer((invocation) -> {
			building.countDown();
			finish.await();
			return true;
		});
		given(matchmaker.sendWelcomeSet("no-room")).willReturn(true);
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(Matchmaker.class, () -> matchmaker);
			context.registerBean(WelcomeSetOutbox.class, () -> outbox);
			context.register(WelcomeSets.class);
			context.refresh();
			for (int held = 0; held < 102; held++) {
				context.publishEvent(new AlertConfirmed("held-" + held));
			}
			await().until(() -> building.getCount() == 0);

			context.publishEvent(new AlertConfirmed("no-room"));
			verify(matchmaker, never()).sendWelcomeSet("no-room");

			// still due in its outbox, so the relay's next run builds it
			given(outbox.due()).willReturn(List.of("no-room"));
			context.getBean(WelcomeSets.class).sendDue();
			verify(matchmaker).sendWelcomeSet("no-room");
			finish.countDown();
		}
		finally {
			finish.countDown();
		}
	}

}

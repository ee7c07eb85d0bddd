package com.vetacrm.mining.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import com.vetacrm.mining.MiningRequestFinished;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the pages waiting for a mining request that it finished, through server push: each page registers
 * for one request with its UI; when the job publishes {@link MiningRequestFinished} (on the node that ran it,
 * after its commit) every registered callback runs in its UI's lock ({@link UI#access}). A registration is
 * removed when it is delivered or when its component detaches, and holds its UI weakly, so a closed tab is
 * never kept alive here. A page on another node is not told: its user sees the result in the requests list
 * and on their next page view.
 */
@Component
class MiningResults {

    private record Waiting(WeakReference<UI> ui, LongConsumer callback) {
    }

    private final Map<Long, List<Waiting>> waiting = new ConcurrentHashMap<>();

    /** Calls {@code callback} (with the request's id) in {@code ui}'s lock once the request finished. */
    Registration register(UI ui, long requestId, LongConsumer callback) {
        Waiting w = new Waiting(new WeakReference<>(ui), callback);
        waiting.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>()).add(w);
        return () -> waiting.computeIfPresent(requestId, (id, list) -> {
            list.remove(w);
            return list.isEmpty() ? null : list;
        });
    }

    /** How many pages wait for results, for tests: a detached page must not be counted. */
    int waitingCount() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }

    @EventListener
    void finished(MiningRequestFinished event) {
        List<Waiting> list = waiting.remove(event.requestId());
        if (list == null) {
            return;
        }
        for (Waiting w : list) {
            UI ui = w.ui().get();
            if (ui == null) {
                continue;
            }
            try {
                ui.access(() -> w.callback().accept(event.requestId()));
            } catch (UIDetachedException e) {
                // the page was closed meanwhile: its user is told on the next page view
            }
        }
    }
}

package com.vetacrm.admin.ui;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.util.function.Predicate;

/** Finds the action button of a grid row, as a user would: by the row's content, then the button. */
final class RowButtons {

    private RowButtons() {
    }

    static <T> Button of(Grid<T> grid, Predicate<T> row, String className) {
        GridTester<Grid<T>, T> tester = new GridTester<>(grid);
        for (int i = 0; i < tester.size(); i++) {
            if (row.test(tester.getRow(i))) {
                return tester.getCellComponent(i, "actions").getChildren()
                        .filter(c -> c instanceof HasStyle s && s.hasClassName(className))
                        .map(Button.class::cast)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no button ." + className));
            }
        }
        throw new AssertionError("no matching row in " + grid.getId().orElse("grid"));
    }
}

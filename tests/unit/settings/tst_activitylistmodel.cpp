// ActivityListModel: recent account activity (fixture: tests/data/settings/activity.json).
#include "settings/activitylistmodel.h"
#include "testdata.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace clipshelf;
using namespace clipshelf::test;

class TestActivityListModel : public QObject
{
    Q_OBJECT
private slots:
    void showsTheEvents()
    {
        QList<ActivityEvent> events;
        for (const QJsonValue &v : testJson("settings/activity.json").value("events").toArray())
            events << ActivityEvent::fromJson(v.toObject());
        ActivityListModel m;
        QSignalSpy count(&m, &ActivityListModel::countChanged);
        m.setEvents(events);
        QCOMPARE(m.count(), 2);
        QCOMPARE(count.count(), 1);
        QCOMPARE(m.data(m.index(0), ActivityListModel::EventIdRole).toLongLong(), 31);
        QCOMPARE(m.data(m.index(0), ActivityListModel::KindRole).toString(), QString("sign_in"));
        QCOMPARE(m.data(m.index(0), ActivityListModel::AtRole).toDateTime(),
                 QDateTime(QDate(2026, 1, 8), QTime(9, 0), QTimeZone::utc()));
        QCOMPARE(m.data(m.index(1), Qt::DisplayRole).toString(), QString("CI"));
        QCOMPARE(m.roleNames().value(ActivityListModel::DetailRole), QByteArray("detail"));
        QCOMPARE(m.data(m.index(5), ActivityListModel::KindRole), QVariant());
        m.setEvents({});
        QCOMPARE(m.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestActivityListModel)
#include "tst_activitylistmodel.moc"

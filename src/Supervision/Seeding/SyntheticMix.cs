namespace ApprovalHub.Supervision.Seeding;

/// <summary>
/// The proportions demo data is drawn from. The category shares are the 2021 national figures
/// (domain.md 9.4 [V]: lifts 879.98万, pressure vessels 469.49万, cranes 273.02万, vehicles 156.40万,
/// boilers 34.71万, rides 2.52万, ropeways 1,114; piping is counted in km, a token share here). The
/// variety shares, city weights and names are synthetic: they make plausible data, not statistics.
/// </summary>
internal static class SyntheticMix
{
    public static readonly (string Catalog, double Weight)[] Varieties =
    [
        // Lifts: 48.4 %
        ("3110", 33.9), ("3120", 3.9), ("3130", 1.0), ("3210", 0.5), ("3310", 5.8), ("3320", 1.0), ("3410", 0.3), ("3420", 0.5), ("3430", 1.5),
        // Pressure vessels: 25.8 %
        ("2150", 11.6), ("2170", 5.2), ("2130", 3.9), ("2110", 0.2), ("2220", 1.6), ("2230", 0.5), ("2240", 0.3), ("2310", 1.5), ("2320", 0.7), ("2410", 0.3),
        // Cranes: 15.0 %
        ("4110", 3.8), ("4170", 3.7), ("4190", 0.8), ("4210", 1.5), ("4310", 1.5), ("4410", 1.2), ("4860", 1.5), ("4870", 0.3), ("4D00", 0.7),
        // In-plant vehicles: 8.6 %
        ("5110", 7.9), ("5200", 0.7),
        // Boilers: 1.9 %
        ("1100", 0.8), ("1200", 0.9), ("1310", 0.1), ("1320", 0.1),
        // Rides, ropeways, piping
        ("6100", 0.03), ("6200", 0.04), ("6600", 0.04), ("6D20", 0.03), ("9110", 0.003), ("9120", 0.003), ("8210", 0.1), ("8310", 0.1),
    ];

    public static readonly (string Code, string Short, double Weight)[] Cities =
    [
        ("330100", "杭州", 20), ("330200", "宁波", 15), ("330300", "温州", 13), ("330400", "嘉兴", 8), ("330500", "湖州", 5), ("330600", "绍兴", 8),
        ("330700", "金华", 11), ("330800", "衢州", 3), ("330900", "舟山", 2), ("331000", "台州", 11), ("331100", "丽水", 4),
    ];

    public static readonly string[] Brands = ["华成", "东方", "永泰", "鸿运", "新亚", "天元", "博远", "瑞丰", "嘉禾", "恒信", "金鼎", "光明", "合力", "长城", "开元", "众安", "正泰", "德润", "远大", "汇通"];

    public static readonly string[] UserIndustries = ["物业管理", "置业", "机械制造", "化工", "食品", "酒店管理", "医院", "商贸", "纺织", "物流", "建设集团", "热电"];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "沈", "钱", "方", "金", "汪", "蒋"];

    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "英", "华", "建国", "文", "辉", "斌", "浩", "宇", "鹏", "晨", "婷", "雪"];

    public static readonly string[] Roads = ["人民路", "解放路", "中山路", "建设路", "环城路", "新华路", "文化路", "江南大道", "学院路", "工业路", "滨江路", "迎宾大道"];

    public static readonly (string Item, double Weight)[] OperatorItems =
    [
        ("T", 30), ("N1", 20), ("Q2", 15), ("A", 15), ("G1", 4), ("G3", 1), ("R1", 5), ("Q1", 5), ("P", 3), ("R2", 1), ("Y2", 0.5), ("S2", 0.2), ("F", 0.3),
    ];

    /// <summary>A weighted draw.</summary>
    public static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight, double totalWeight)
    {
        var roll = random.NextDouble() * totalWeight;
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}

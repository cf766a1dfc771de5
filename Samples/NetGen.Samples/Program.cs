System.Console.WriteLine("NetGen sample: under construction");
